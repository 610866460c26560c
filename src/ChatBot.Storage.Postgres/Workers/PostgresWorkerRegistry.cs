using ChatBot.Core.Platform;
using ChatBot.Storage.Postgres.Database;

namespace ChatBot.Storage.Postgres.Workers;

/// <summary>
/// The <c>workers</c> table on PostgreSQL: every worker heartbeats into it, and the count of those heard from lately
/// splits the bot token's and the workspace's limits between them. A silent worker's row is removed after a day.
/// </summary>
internal sealed class PostgresWorkerRegistry(PostgresDatabase database, TimeProvider time) : IWorkerRegistry
{
    private static readonly TimeSpan Forgotten = TimeSpan.FromDays(1);

    private const string Heartbeat = """
        WITH beat AS (
            INSERT INTO workers (worker_id, roles, started_at, heartbeat_at) VALUES (@id, @roles, @now, @now)
            ON CONFLICT (worker_id) DO UPDATE SET roles = excluded.roles, heartbeat_at = excluded.heartbeat_at
            RETURNING worker_id
        ), forgotten AS (
            DELETE FROM workers WHERE heartbeat_at < @forgotten
        )
        SELECT (SELECT COUNT(*) FROM workers WHERE heartbeat_at >= @since AND worker_id <> @id) + 1;
        """;

    public async Task<int> HeartbeatAsync(string workerId, string roles, TimeSpan liveFor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(workerId);
        var now = time.GetUtcNow();
        var live = await database.ScalarAsync(
            Heartbeat,
            cancellationToken,
            ("id", workerId),
            ("roles", roles),
            ("now", now.ToUnixTimeMilliseconds()),
            ("since", (now - liveFor).ToUnixTimeMilliseconds()),
            ("forgotten", (now - Forgotten).ToUnixTimeMilliseconds())).ConfigureAwait(false);
        return Convert.ToInt32(live, CultureInfo.InvariantCulture);
    }

    public Task LeaveAsync(string workerId, CancellationToken cancellationToken) =>
        database.ExecuteAsync("DELETE FROM workers WHERE worker_id = @id;", cancellationToken, ("id", workerId));
}
