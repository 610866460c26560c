using ChatBot.Core.Platform;
using ChatBot.Storage.Postgres.Database;

namespace ChatBot.Storage.Postgres.Platform;

/// <summary>Platform replies, one JSON document per row; the identity column keeps the order of first save.</summary>
internal sealed class PostgresPlatformReplyStore(PostgresDatabase database, TimeProvider time) : IPlatformReplyStore
{
    private const string Upsert = """
        INSERT INTO platform_replies (platform, reply_id, created_at, document, updated_at)
        VALUES (@platform, @id, @created, @document, @now)
        ON CONFLICT (platform, reply_id) DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at;
        """;

    private const string Delete = "DELETE FROM platform_replies WHERE platform = @platform AND reply_id = ANY(@ids);";

    private const string Recent = """
        SELECT platform, reply_id, created_at, document FROM (
            SELECT seq, platform, reply_id, created_at, document FROM platform_replies
            WHERE platform = @platform ORDER BY seq DESC LIMIT @count) newest
        ORDER BY seq;
        """;

    public async Task SaveAsync(IReadOnlyList<StoredReply> replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replies);
        if (replies.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await database.WriteAsync(async tx =>
        {
            foreach (var reply in replies)
            {
                await tx.ExecuteAsync(Upsert, cancellationToken,
                    ("platform", reply.Platform), ("id", reply.Id), ("created", reply.CreatedAt.ToUnixTimeMilliseconds()), ("document", reply.Document), ("now", now)).ConfigureAwait(false);
            }

            return replies.Count;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(string platform, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count > 0)
        {
            await database.ExecuteAsync(Delete, cancellationToken, ("platform", platform), ("ids", ids.ToArray())).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<StoredReply>> RecentAsync(string platform, int count, CancellationToken cancellationToken) =>
        count <= 0
            ? []
            : await database.ReadAllAsync(
                Recent,
                r => new StoredReply(r.GetString(0), r.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(2)), r.GetString(3)),
                cancellationToken,
                ("platform", platform),
                ("count", count)).ConfigureAwait(false);
}
