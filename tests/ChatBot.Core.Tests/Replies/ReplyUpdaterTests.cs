using System.Threading.Channels;
using ChatBot.Core.Replies;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Tests.Replies;

public sealed class ReplyUpdaterTests
{
    private static readonly ReplyHandle Handle = new("test", "reply-1");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
    private readonly RecordingReplies _platform = new();

    [Fact]
    public async Task Publish_BurstWithinInterval_SendsFirstThenOnlyNewest()
    {
        var sut = CreateSut();

        sut.Publish(Handle, View(1));
        (await _platform.NextAsync()).ShouldBe("update 1");
        sut.Publish(Handle, View(2));
        sut.Publish(Handle, View(3));
        sut.Publish(Handle, View(4));

        _time.Advance(TimeSpan.FromSeconds(1.4));
        _platform.Sent.Count.ShouldBe(1);
        _time.Advance(TimeSpan.FromSeconds(0.1));

        (await _platform.NextAsync()).ShouldBe("update 4");
        _platform.Sent.ShouldBe(["update 1", "update 4"]);
    }

    [Fact]
    public async Task PublishFinal_AfterRecentEdit_WaitsForIntervalAndIsNeverDropped()
    {
        var sut = CreateSut();
        sut.Publish(Handle, View(1));
        await _platform.NextAsync();

        var final = sut.PublishFinalAsync(Handle, View(9, ReplyStatus.Failed));
        sut.Publish(Handle, View(10)); // A late intermediate state must not replace the final one.
        final.IsCompleted.ShouldBeFalse();

        _time.Advance(TimeSpan.FromSeconds(1.5));
        await final.WaitAsync(TimeSpan.FromSeconds(10));

        _platform.Sent.ShouldBe(["update 1", "update 9"]);
    }

    [Fact]
    public async Task PostResult_IsDeliveredAfterPendingUpdate()
    {
        var sut = CreateSut();
        sut.Publish(Handle, View(1));
        await _platform.NextAsync();
        sut.Publish(Handle, View(2));

        var posted = sut.PostResultAsync(Handle, new ResultView { JobId = "j", Title = "done" });
        _time.Advance(TimeSpan.FromSeconds(1.5));
        await posted.WaitAsync(TimeSpan.FromSeconds(10));

        _platform.Sent.ShouldBe(["update 1", "result done"]);
    }

    [Fact]
    public async Task Publish_WhileSlowEditInFlight_NextEditStartsOneIntervalAfterThePreviousStarted()
    {
        var sut = CreateSut();
        _platform.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        sut.Publish(Handle, View(1));
        await _platform.NextAsync();
        sut.Publish(Handle, View(2));

        _time.Advance(TimeSpan.FromSeconds(2)); // The platform is still answering edit 1.
        _platform.Sent.Count.ShouldBe(1);
        _platform.Hold.SetResult();

        (await _platform.NextAsync()).ShouldBe("update 2");
    }

    [Fact]
    public async Task PostResult_PlatformFails_FaultsTheCaller()
    {
        _platform.FailResults = true;
        var sut = CreateSut();

        var posted = sut.PostResultAsync(Handle, new ResultView { JobId = "j", Title = "done" });

        await Should.ThrowAsync<InvalidOperationException>(posted.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Publish_DifferentReplies_ArePacedIndependently()
    {
        var sut = CreateSut();

        sut.Publish(Handle, View(1));
        sut.Publish(new ReplyHandle("test", "reply-2"), View(2));

        var first = await _platform.NextAsync();
        var second = await _platform.NextAsync();
        new[] { first, second }.Order().ShouldBe(["update 1", "update 2"]);
    }

    [Fact]
    public async Task PublishAsync_FirstView_IsSentAtOnceAndCompletes()
    {
        var sut = CreateSut();

        await sut.PublishAsync(Handle, View(1)).WaitAsync(TimeSpan.FromSeconds(10));

        _platform.Sent.ShouldBe(["update 1"]);
    }

    [Fact]
    public async Task PublishAsync_SupersededBeforeItWasSent_CompletesAndOnlyTheNewestIsSent()
    {
        var sut = CreateSut();
        sut.Publish(Handle, View(1));
        await _platform.NextAsync();

        var waiting = sut.PublishAsync(Handle, View(2));
        sut.Publish(Handle, View(3));
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        _time.Advance(TimeSpan.FromSeconds(1.5));
        (await _platform.NextAsync()).ShouldBe("update 3");
        _platform.Sent.ShouldBe(["update 1", "update 3"]);
    }

    [Fact]
    public async Task PublishAsync_PlatformFails_CompletesWithoutFault()
    {
        _platform.FailUpdates = true;
        var sut = CreateSut();

        await sut.PublishAsync(Handle, View(1)).WaitAsync(TimeSpan.FromSeconds(10));
    }

    private ReplyUpdater CreateSut() => new(
        [_platform],
        Options.Create(new ReplyOptions { EditInterval = TimeSpan.FromSeconds(1.5) }),
        _time,
        NullLogger<ReplyUpdater>.Instance);

    private static ReplyView View(int n, ReplyStatus status = ReplyStatus.Running) =>
        new() { JobId = "j", Status = status, Title = "t", StatusText = n.ToString(System.Globalization.CultureInfo.InvariantCulture), Revision = n };

    private sealed class RecordingReplies : IChatReplies
    {
        private readonly Channel<string> _events = Channel.CreateUnbounded<string>();

        public string Platform => "test";

        public bool FailResults { get; set; }

        public bool FailUpdates { get; set; }

        /// <summary>When set, every edit waits for it after being recorded (a slow platform).</summary>
        public TaskCompletionSource? Hold { get; set; }

        public List<string> Sent { get; } = [];

        public Task UpdateAsync(ReplyHandle handle, ReplyView view, CancellationToken cancellationToken) =>
            FailUpdates ? throw new InvalidOperationException("platform said no") : Record($"update {view.StatusText}");

        public Task PostResultAsync(ReplyHandle handle, ResultView view, CancellationToken cancellationToken) =>
            FailResults ? throw new InvalidOperationException("platform said no") : Record($"result {view.Title}");

        public async Task<string> NextAsync() => await _events.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        private Task Record(string what)
        {
            lock (Sent)
            {
                Sent.Add(what);
            }

            _events.Writer.TryWrite(what);
            return Hold?.Task ?? Task.CompletedTask;
        }
    }
}
