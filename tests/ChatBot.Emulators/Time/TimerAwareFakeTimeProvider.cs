using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Emulators.Time;

/// <summary>
/// The library's <see cref="FakeTimeProvider"/> plus the one thing its API does not tell: how many of its timers are
/// waiting to fire. A test awaits that (the code under test now waits on the clock) before it advances, instead of sleeping.
/// </summary>
public sealed class TimerAwareFakeTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _gate = new();
    private readonly HashSet<TrackedTimer> _pending = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TimerAwareFakeTimeProvider()
        : this(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Timers waiting to fire.</summary>
    public int PendingTimers
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> timers are pending (the code under test is waiting on the clock).</summary>
    public async Task WaitForTimersAsync(int count = 1, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_pending.Count >= count)
                {
                    return;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cts.Token);
        }
    }

    /// <summary>Waits for a pending timer, then advances.</summary>
    public async Task AdvanceWhenWaitingAsync(TimeSpan by, int timers = 1)
    {
        await WaitForTimersAsync(timers);
        Advance(by);
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new TrackedTimer(this);
        timer.Inner = base.CreateTimer(
            s =>
            {
                timer.Fired();
                callback(s);
            },
            state,
            Timeout.InfiniteTimeSpan,
            Timeout.InfiniteTimeSpan);
        timer.Change(dueTime, period);
        return timer;
    }

    private void SetPending(TrackedTimer timer, bool pending)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (!(pending ? _pending.Add(timer) : _pending.Remove(timer)))
            {
                return;
            }

            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    /// <summary>The library's timer as a test sees it: pending from a due time until it fires (for ever when periodic) or is disposed.</summary>
    private sealed class TrackedTimer(TimerAwareFakeTimeProvider owner) : ITimer
    {
        private volatile bool _periodic;

        public ITimer Inner { get; set; } = null!;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _periodic = period != Timeout.InfiniteTimeSpan && period != TimeSpan.Zero;
            owner.SetPending(this, dueTime != Timeout.InfiniteTimeSpan);
            return Inner.Change(dueTime, period);
        }

        public void Fired()
        {
            if (!_periodic)
            {
                owner.SetPending(this, pending: false);
            }
        }

        public void Dispose()
        {
            owner.SetPending(this, pending: false);
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
