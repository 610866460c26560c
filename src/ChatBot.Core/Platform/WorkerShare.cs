namespace ChatBot.Core.Platform;

/// <summary>
/// This process's share of the limits of the bot token and the workspace: with N live workers (<see cref="IWorkerRegistry"/>)
/// each keeps to 1/N of them, so together they stay within the platform's limit. One worker (and SQLite) keeps them whole.
/// </summary>
public sealed class WorkerShare
{
    private int _liveWorkers = 1;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Live workers of the bot, this one included (1 until the first heartbeat says otherwise).</summary>
    public int LiveWorkers => Volatile.Read(ref _liveWorkers);

    /// <summary>Completes at the next heartbeat that changes <see cref="LiveWorkers"/> (for tests and health).</summary>
    public Task Changed => Volatile.Read(ref _changed).Task;

    public void Update(int liveWorkers)
    {
        if (Interlocked.Exchange(ref _liveWorkers, Math.Max(1, liveWorkers)) != Math.Max(1, liveWorkers))
        {
            Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }

    /// <summary>This worker's part of <paramref name="limit"/>: rounded down, at least 1.</summary>
    public int Of(int limit) => Math.Max(1, limit / LiveWorkers);

    /// <summary>This worker's part of a rate: <paramref name="rate"/> ÷ live workers.</summary>
    public double Of(double rate) => rate / LiveWorkers;
}
