using ChatBot.Core.Platform;
using ChatBot.Storage.Sqlite;

namespace ChatBot.Storage.Platform;

/// <summary>
/// Remembers event ids for a day (platforms redeliver within minutes); older ids are pruned at most once
/// an hour, inside a write that happens anyway.
/// </summary>
internal sealed class SqliteEventDeduplicator(SqliteDatabase database, TimeProvider time, ILogger<SqliteEventDeduplicator> logger)
    : IEventDeduplicator
{
    private const string Insert = """
        INSERT OR IGNORE INTO seen_events (source, event_id, seen_at) VALUES ($source, $event, $now);
        """;

    private const string Prune = "DELETE FROM seen_events WHERE seen_at < $cutoff;";

    private static readonly TimeSpan Retention = TimeSpan.FromDays(1);
    private static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);

    // Read and written only inside the database's write lock.
    private DateTimeOffset _nextPrune = DateTimeOffset.MinValue;

    public async Task<bool> TryMarkAsync(string source, string eventId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        var (first, pruned) = await database.WriteAsync(tx =>
        {
            var now = time.GetUtcNow();
            var insert = tx.Command(Insert, ("$source", source), ("$event", eventId), ("$now", SqliteValues.ToUnixMs(now)));
            var isFirst = insert.ExecuteNonQuery() == 1;

            var removed = -1;
            if (now >= _nextPrune)
            {
                var prune = tx.Command(Prune, ("$cutoff", SqliteValues.ToUnixMs(now - Retention)));
                removed = prune.ExecuteNonQuery();
                _nextPrune = now + PruneInterval;
            }

            return (isFirst, removed);
        }, cancellationToken).ConfigureAwait(false);

        if (pruned > 0)
        {
            StorageLog.EventsPruned(logger, pruned);
        }

        return first;
    }
}
