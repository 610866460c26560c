using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Emulators.Time;

/// <summary>
/// The library's <see cref="FakeTimeProvider"/> plus what its API does not tell: which of its timers are waiting to
/// fire and what delays the code asked for. A test awaits a pending timer (the code under test now waits on the clock)
/// before it advances, instead of sleeping; with <see cref="AutoAdvance"/> every timer fires at once, the clock jumping
/// by its due time, so code that waits (Retry-After, polling) runs instantly while its waits are still recorded.
/// </summary>
public sealed class TimerAwareFakeTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _gate = new();
    private readonly HashSet<TrackedTimer> _pending = [];
    private readonly ConcurrentQueue<TimeSpan> _requested = new();
    private readonly TaskCompletionSource _firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _active;

    public TimerAwareFakeTimeProvider()
        : this(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Fire every timer as soon as it is created, advancing the clock by its due time.</summary>
    public bool AutoAdvance { get; init; }

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

    /// <summary>Timers created and not yet disposed (fired or not).</summary>
    public int ActiveTimers => Volatile.Read(ref _active);

    /// <summary>Every positive delay a timer was created with, in order.</summary>
    public IReadOnlyList<TimeSpan> RequestedDelays => [.. _requested];

    /// <summary>How long from now each pending timer is due.</summary>
    public IReadOnlyList<TimeSpan> PendingDelays()
    {
        var now = GetUtcNow();
        lock (_gate)
        {
            return [.. _pending.Where(t => t.Due > now).Select(t => t.Due - now)];
        }
    }

    /// <summary>Completes once any timer with a positive delay has been created (even one that fired since).</summary>
    public Task WaitForTimerAsync() => _firstRequest.Task;

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
    /// <summary>
    /// Waits until a pending timer is due exactly <paramref name="delay"/> from now: the code under test waits on that
    /// wait, not on some other service's timer that happens to be pending too.
    /// </summary>
    public async Task WaitForPendingDelayAsync(TimeSpan delay, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (PendingDelays().Contains(delay))
            {
                return;
            }

            await changed.WaitAsync(cts.Token);
        }
    }

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
        Interlocked.Increment(ref _active);
        timer.Change(dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            _requested.Enqueue(dueTime);
            _firstRequest.TrySetResult();
            if (AutoAdvance)
            {
                ThreadPool.UnsafeQueueUserWorkItem(_ => Advance(dueTime), null);
            }
        }

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
        private int _disposed;

        public ITimer Inner { get; set; } = null!;

        public DateTimeOffset Due { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _periodic = period != Timeout.InfiniteTimeSpan && period != TimeSpan.Zero;
            Due = dueTime == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : owner.GetUtcNow() + dueTime;
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
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref owner._active);
            }

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
