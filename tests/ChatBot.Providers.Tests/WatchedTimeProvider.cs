using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Providers.Tests;

/// <summary>
/// Microsoft's <see cref="FakeTimeProvider"/>, plus a view of the timers it has handed out, for the few tests that
/// must wait until the code under test has started a pause (or check that a cancelled one let go of its timer).
/// </summary>
internal sealed class WatchedTimeProvider : FakeTimeProvider
{
    private readonly List<WatchedTimer> _timers = [];

    /// <summary>How long from now each timer still waiting is due.</summary>
    public IReadOnlyList<TimeSpan> PendingDelays()
    {
        var now = GetUtcNow();
        lock (_timers)
        {
            return [.. _timers.Where(t => !t.Disposed && t.Due > now).Select(t => t.Due - now)];
        }
    }

    /// <summary>Timers created and not yet disposed.</summary>
    public int ActiveTimers
    {
        get
        {
            lock (_timers)
            {
                return _timers.Count(t => !t.Disposed);
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new WatchedTimer(this, base.CreateTimer(callback, state, dueTime, period), dueTime);
        lock (_timers)
        {
            _timers.Add(timer);
        }

        return timer;
    }

    private sealed class WatchedTimer(WatchedTimeProvider owner, ITimer inner, TimeSpan dueTime) : ITimer
    {
        public DateTimeOffset Due { get; private set; } = DueAt(owner, dueTime);

        public bool Disposed { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Due = DueAt(owner, dueTime);
            return inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            Disposed = true;
            inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private static DateTimeOffset DueAt(WatchedTimeProvider owner, TimeSpan dueTime) =>
            dueTime == Timeout.InfiniteTimeSpan ? DateTimeOffset.MinValue : owner.GetUtcNow() + dueTime;
    }
}
