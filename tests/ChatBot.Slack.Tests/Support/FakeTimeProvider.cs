namespace ChatBot.Slack.Tests.Support;

/// <summary>
/// A clock tests control. Timers fire when <see cref="Advance"/> passes their due time; with
/// <see cref="AutoAdvance"/> every timer fires at once and the clock jumps forward by its due time,
/// so code that waits (Retry-After, polling) runs instantly while the waits are still recorded.
/// </summary>
public sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<FakeTimer> _timers = [];
    private readonly List<TimeSpan> _requestedDelays = [];
    private DateTimeOffset _now = start;
    private TaskCompletionSource _timerCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FakeTimeProvider()
        : this(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero))
    {
    }

    public bool AutoAdvance { get; init; }

    public IReadOnlyList<TimeSpan> RequestedDelays
    {
        get
        {
            lock (_gate)
            {
                return [.. _requestedDelays];
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void SetUtcNow(DateTimeOffset now)
    {
        lock (_gate)
        {
            _now = now;
        }
    }

    /// <summary>Completes when a timer with a positive due time is created.</summary>
    public Task WaitForTimerAsync()
    {
        lock (_gate)
        {
            return _timers.Any(t => t.Due is not null) ? Task.CompletedTask : _timerCreated.Task;
        }
    }

    public void Advance(TimeSpan by)
    {
        List<FakeTimer> due;
        lock (_gate)
        {
            _now += by;
            due = [.. _timers.Where(t => t.Due is { } d && d <= _now)];
            foreach (var timer in due)
            {
                timer.Due = timer.Period is { } p ? _now + p : null;
            }
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Schedule(FakeTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        var fireNow = false;
        TaskCompletionSource? created = null;
        lock (_gate)
        {
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                timer.Due = null;
                _timers.Remove(timer);
                return;
            }

            _requestedDelays.Add(dueTime);
            timer.Period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : period;
            if (AutoAdvance || dueTime <= TimeSpan.Zero)
            {
                if (dueTime > TimeSpan.Zero)
                {
                    _now += dueTime;
                }

                timer.Due = null;
                fireNow = true;
            }
            else
            {
                timer.Due = _now + dueTime;
                if (!_timers.Contains(timer))
                {
                    _timers.Add(timer);
                }

                created = _timerCreated;
                _timerCreated = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        created?.TrySetResult();
        if (fireNow)
        {
            ThreadPool.UnsafeQueueUserWorkItem(_ => timer.Fire(), null);
        }
    }

    private void Remove(FakeTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? Due { get; set; }
        public TimeSpan? Period { get; set; }
        private bool _disposed;

        public void Fire()
        {
            if (!_disposed)
            {
                callback(state);
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            owner.Schedule(this, dueTime, period);
            return true;
        }

        public void Dispose()
        {
            _disposed = true;
            owner.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
