namespace ChatBot.Core.Platform;

/// <summary>
/// This process's share of the limits of the bot token and the workspace: with N live workers (<see cref="IWorkerRegistry"/>)
/// each keeps to 1/N of them, so together they stay within the platform's limit. One worker (and SQLite) keeps them whole.
/// </summary>
public sealed class WorkerShare
{
    private int _liveWorkers = 1;

    /// <summary>Live workers of the bot, this one included (1 until the first heartbeat says otherwise).</summary>
    public int LiveWorkers => Volatile.Read(ref _liveWorkers);

    public void Update(int liveWorkers) => Volatile.Write(ref _liveWorkers, Math.Max(1, liveWorkers));

    /// <summary>This worker's part of <paramref name="limit"/>: rounded down, at least 1.</summary>
    public int Of(int limit) => Math.Max(1, limit / LiveWorkers);

    /// <summary>This worker's part of a rate: <paramref name="rate"/> ÷ live workers.</summary>
    public double Of(double rate) => rate / LiveWorkers;
}
