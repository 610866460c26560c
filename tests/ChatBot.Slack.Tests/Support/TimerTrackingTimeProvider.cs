using System.Collections.Concurrent;

namespace ChatBot.Slack.Tests.Support;

/// <summary>
/// Microsoft's <see cref="FakeTimeProvider"/> plus the little it lacks for these tests: the delays asked of it,
/// a wait until a timer is pending, and <see cref="AutoAdvance"/> (each timer fires at once, the clock jumping
/// by its due time) so code that waits (Retry-After, polling) runs instantly while the waits are still recorded.
/// </summary>
public sealed class TimerTrackingTimeProvider : FakeTimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _delays = new();
    private readonly TaskCompletionSource _timerCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool AutoAdvance { get; init; }

    public IReadOnlyList<TimeSpan> RequestedDelays => [.. _delays];

    /// <summary>Completes once a timer with a positive due time has been created.</summary>
    public Task WaitForTimerAsync() => _timerCreated.Task;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            _delays.Enqueue(dueTime);
            _timerCreated.TrySetResult();
            if (AutoAdvance)
            {
                ThreadPool.UnsafeQueueUserWorkItem(_ => Advance(dueTime), null);
            }
        }

        return timer;
    }
}
