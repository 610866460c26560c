using ChatBot.Core.Platform;
using ChatBot.Storage.Sqlite;

namespace ChatBot.Storage.Workers;

/// <summary>The <c>workers</c> table on SQLite: one process owns the file, so the count is 1 (the contract still holds).</summary>
internal sealed class SqliteWorkerRegistry(SqliteDatabase database, TimeProvider time) : IWorkerRegistry
{
    private const string Upsert = """
        INSERT INTO workers (worker_id, roles, started_at, heartbeat_at) VALUES ($id, $roles, $now, $now)
        ON CONFLICT (worker_id) DO UPDATE SET roles = excluded.roles, heartbeat_at = excluded.heartbeat_at;
        DELETE FROM workers WHERE heartbeat_at < $forgotten;
        """;

    private const string Live = "SELECT COUNT(*) FROM workers WHERE heartbeat_at >= $since;";

    public Task<int> HeartbeatAsync(string workerId, string roles, TimeSpan liveFor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(workerId);
        return database.WriteAsync(tx =>
        {
            var now = time.GetUtcNow();
            tx.Execute(Upsert, ("$id", workerId), ("$roles", roles), ("$now", SqliteValues.ToUnixMs(now)), ("$forgotten", SqliteValues.ToUnixMs(now - WorkerRetention.Forgotten)));
            return tx.ReadFirst(Live, r => r.GetInt32(0), ("$since", SqliteValues.ToUnixMs(now - liveFor))) ?? 1;
        }, cancellationToken);
    }

    public Task LeaveAsync(string workerId, CancellationToken cancellationToken) =>
        database.WriteAsync(tx => tx.Execute("DELETE FROM workers WHERE worker_id = $id;", ("$id", workerId)), cancellationToken);
}
