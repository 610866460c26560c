using ChatBot.Core.Platform;
using ChatBot.Storage.Postgres.Database;

namespace ChatBot.Storage.Postgres.Platform;

/// <summary>
/// Remembers event ids for a day in PostgreSQL, so a redelivered event is handled once by all workers together
/// (<c>INSERT … ON CONFLICT DO NOTHING</c> decides); older ids are pruned at most once an hour per worker.
/// </summary>
internal sealed class PostgresEventDeduplicator(PostgresDatabase database, TimeProvider time, ILogger<PostgresEventDeduplicator> logger)
    : IEventDeduplicator
{
    private const string Insert = """
        INSERT INTO seen_events (source, event_id, seen_at) VALUES (@source, @event, @now) ON CONFLICT (source, event_id) DO NOTHING;
        """;

    private const string Prune = "DELETE FROM seen_events WHERE seen_at < @cutoff;";

    private static readonly TimeSpan Retention = TimeSpan.FromDays(1);
    private static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);

    private long _nextPruneMs = long.MinValue;

    public async Task<bool> TryMarkAsync(string source, string eventId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        var now = time.GetUtcNow();
        var first = await database.ExecuteAsync(Insert, cancellationToken, ("source", source), ("event", eventId), ("now", now.ToUnixTimeMilliseconds())).ConfigureAwait(false) == 1;

        var due = Interlocked.Read(ref _nextPruneMs);
        if (now.ToUnixTimeMilliseconds() >= due
            && Interlocked.CompareExchange(ref _nextPruneMs, (now + PruneInterval).ToUnixTimeMilliseconds(), due) == due)
        {
            var pruned = await database.ExecuteAsync(Prune, cancellationToken, ("cutoff", (now - Retention).ToUnixTimeMilliseconds())).ConfigureAwait(false);
            if (pruned > 0)
            {
                PostgresLog.EventsPruned(logger, pruned);
            }
        }

        return first;
    }
}
