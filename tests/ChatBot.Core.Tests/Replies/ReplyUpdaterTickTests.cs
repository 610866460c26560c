using System.Threading.Channels;
using ChatBot.Core.Replies;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Tests.Replies;

/// <summary>The timer that keeps a waiting or running reply's clock moving when its provider reports nothing.</summary>
public sealed class ReplyUpdaterTickTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(5);
    private readonly SignallingClock _time = new();
    private readonly ViewRecorder _platform = new();

    [Fact]
    public async Task Tick_NothingNew_ResendsTheViewMovedOnByTheClockAtTheTickInterval()
    {
        using var sut = CreateSut();

        sut.Publish(Handle(1), Running());
        (await _platform.NextAsync()).Elapsed.ShouldBe(TimeSpan.FromSeconds(10));
        (await _time.NextTimerAsync()).ShouldBe(Tick);
        _time.Advance(Tick - TimeSpan.FromMilliseconds(1));
        _platform.Count.ShouldBe(1, "never faster than the tick interval");
        _time.Advance(TimeSpan.FromMilliseconds(1));

        var ticked = await _platform.NextAsync();
        ticked.Elapsed.ShouldBe(TimeSpan.FromSeconds(15));
        ticked.Eta.ShouldBe(TimeSpan.FromSeconds(25));
        ticked.Revision.ShouldBe(7, "the same state, so no adapter drops it as stale");
        (await _time.NextTimerAsync()).ShouldBe(Tick, "and it keeps ticking");
    }

    [Fact]
    public async Task Tick_ManyRepliesOnOnePlatform_EachTicksLessOften()
    {
        using var sut = CreateSut(budget: 2);

        for (var i = 1; i <= 5; i++)
        {
            sut.Publish(Handle(i), Running());
            await _platform.NextAsync();
        }

        var delays = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            delays.Add(await _time.NextTimerAsync());
        }

        delays.ShouldAllBe(d => d >= Tick);
        delays.Max().ShouldBe(Tick * 3, "five ticking replies on a budget of two per interval");
    }

    [Fact]
    public async Task Tick_AfterTheFinalState_Stops()
    {
        using var sut = CreateSut();
        sut.Publish(Handle(1), Running());
        await _platform.NextAsync();
        await _time.NextTimerAsync();

        var final = sut.PublishFinalAsync(Handle(1), Running() with { Status = ReplyStatus.Failed, Revision = 8 });
        (await _time.NextTimerAsync()).ShouldBe(TimeSpan.FromSeconds(1.5), "the final state waits for the edit interval");
        _time.Advance(TimeSpan.FromSeconds(1.5));
        await final.WaitAsync(TimeSpan.FromSeconds(10));
        await _platform.NextAsync();
        _time.Advance(TimeSpan.FromMinutes(5));

        _platform.Count.ShouldBe(2);
        _time.CreatedSinceLastRead.ShouldBe(0, "no timer after the end");
    }

    private static ReplyHandle Handle(int n) => new("test", $"reply-{n}");

    private static ReplyView Running() => new()
    {
        JobId = "j",
        Status = ReplyStatus.Running,
        Title = "t",
        StatusText = "Working…",
        Elapsed = TimeSpan.FromSeconds(10),
        Eta = TimeSpan.FromSeconds(30),
        Revision = 7,
    };

    private ReplyUpdater CreateSut(int budget = 5) => new(
        [_platform],
        Options.Create(new ReplyOptions { EditInterval = TimeSpan.FromSeconds(1.5), TickInterval = Tick, TickBudget = budget }),
        _time,
        NullLogger<ReplyUpdater>.Instance);

    /// <summary>A fake clock that tells the test each time the code under test starts waiting on it.</summary>
    private sealed class SignallingClock() : FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero))
    {
        private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

        public int CreatedSinceLastRead => _timers.Reader.Count;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            _timers.Writer.TryWrite(dueTime);
            return base.CreateTimer(callback, state, dueTime, period);
        }

        public async Task<TimeSpan> NextTimerAsync() => await _timers.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
    }

    private sealed class ViewRecorder : IChatReplies
    {
        private readonly Channel<ReplyView> _views = Channel.CreateUnbounded<ReplyView>();
        private int _count;

        public string Platform => "test";

        public int Count => Volatile.Read(ref _count);

        public Task UpdateAsync(ReplyHandle handle, ReplyView view, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            _views.Writer.TryWrite(view);
            return Task.CompletedTask;
        }

        public Task PostResultAsync(ReplyHandle handle, ResultView view, CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task<ReplyView> NextAsync() => await _views.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
    }
}
