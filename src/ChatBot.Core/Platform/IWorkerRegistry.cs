namespace ChatBot.Core.Platform;

/// <summary>
/// The bot's live processes (table <c>workers</c>): each heartbeats, and the count of live ones splits the limits that
/// belong to the bot token or the workspace, not to one process (Discord's 50 requests/s, Slack's method tiers).
/// </summary>
public interface IWorkerRegistry
{
    /// <summary>
    /// Records that <paramref name="workerId"/> is alive now and returns how many workers, itself included, heartbeat
    /// within <paramref name="liveFor"/>. Workers silent for a day are removed.
    /// </summary>
    Task<int> HeartbeatAsync(string workerId, string roles, TimeSpan liveFor, CancellationToken cancellationToken);

    /// <summary>A clean stop: the worker leaves at once, so the others take its share at their next heartbeat.</summary>
    Task LeaveAsync(string workerId, CancellationToken cancellationToken);
}
