using ChatBot.Core.Platform;
using ChatBot.Storage.Sqlite;

namespace ChatBot.Storage.Platform;

/// <summary>Platform replies, one JSON document per row; the rowid keeps the order of first save.</summary>
internal sealed class SqlitePlatformReplyStore(SqliteDatabase database, TimeProvider time) : IPlatformReplyStore
{
    private const string Upsert = """
        INSERT INTO platform_replies (platform, reply_id, created_at, document, updated_at)
        VALUES ($platform, $id, $created, $document, $now)
        ON CONFLICT (platform, reply_id) DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at;
        """;

    private const string Delete = "DELETE FROM platform_replies WHERE platform = $platform AND reply_id = $id;";

    private const string Recent = """
        SELECT platform, reply_id, created_at, document FROM (
            SELECT seq, platform, reply_id, created_at, document FROM platform_replies
            WHERE platform = $platform ORDER BY seq DESC LIMIT $count)
        ORDER BY seq;
        """;

    public async Task SaveAsync(IReadOnlyList<StoredReply> replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replies);
        if (replies.Count == 0)
        {
            return;
        }

        var now = SqliteValues.ToUnixMs(time.GetUtcNow());
        await database.WriteAsync(tx =>
        {
            foreach (var reply in replies)
            {
                tx.Execute(Upsert,
                    ("$platform", reply.Platform), ("$id", reply.Id), ("$created", SqliteValues.ToUnixMs(reply.CreatedAt)), ("$document", reply.Document), ("$now", now));
            }

            return replies.Count;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(string platform, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return;
        }

        await database.WriteAsync(tx => ids.Sum(id => tx.Execute(Delete, ("$platform", platform), ("$id", id))), cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<StoredReply>> RecentAsync(string platform, int count, CancellationToken cancellationToken) =>
        database.ReadLatestAsync(
            Recent,
            count,
            r => new StoredReply(r.GetString(0), r.GetString(1), SqliteValues.FromUnixMs(r.GetInt64(2)), r.GetString(3)),
            cancellationToken,
            ("$platform", platform));
}
