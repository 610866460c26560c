using ChatBot.Core.Jobs;
using ChatBot.Storage.Sqlite;

namespace ChatBot.Storage.Jobs;

/// <summary>
/// Claims and leases. One process writes this file (its writer serialises every claim), so the counts a claim reads
/// are the counts it changes; the same contract as the PostgreSQL store, where many workers share one queue.
/// </summary>
internal sealed partial class SqliteJobStore
{
    /// <summary>The states of a job a worker has started (it holds a lease on them).</summary>
    private const string Started = "('submitting', 'running', 'delivering')";

    /// <summary>
    /// The next job whose turn it is. A member's turn: when they were last served, or when their oldest waiting job
    /// joined the line, whichever is later (so a member new to the line queues behind the members already in it).
    /// </summary>
    private const string PickNext = $"""
        WITH running AS (SELECT account_id, lower(provider) AS provider FROM jobs WHERE state IN {Started}),
             heads AS (SELECT account_id, MIN(created_at) AS first FROM jobs WHERE state = 'queued' GROUP BY account_id),
             limits AS (SELECT key AS provider, value AS n FROM json_each($limits))
        SELECT j.id FROM jobs j
        JOIN heads h ON h.account_id = j.account_id
        JOIN accounts a ON a.id = j.account_id
        WHERE j.state = 'queued'
          AND (SELECT COUNT(*) FROM running r WHERE r.account_id = j.account_id) < $perUser
          AND (SELECT COUNT(*) FROM running r WHERE r.provider = lower(j.provider))
              < COALESCE((SELECT n FROM limits l WHERE l.provider = lower(j.provider)), $perProvider)
        ORDER BY MAX(a.last_claimed_at, h.first), j.created_at, j.rowid
        LIMIT 1;
        """;

    private const string Claim = """
        UPDATE jobs SET state = 'submitting', owner = $owner, lease_until = $until, started_at = $now, updated_at = $now
        WHERE id = $id AND state = 'queued';
        """;

    /// <summary>Strictly increasing turns, even for claims within one millisecond.</summary>
    private const string Served = """
        UPDATE accounts SET last_claimed_at = MAX($now, (SELECT MAX(last_claimed_at) FROM accounts) + 1)
        WHERE id = (SELECT account_id FROM jobs WHERE id = $id);
        """;

    private const string Renew = $"""
        UPDATE jobs SET lease_until = $until WHERE owner = $owner AND state IN {Started} RETURNING id;
        """;

    private const string TakeOver = $"""
        UPDATE jobs SET owner = $owner, lease_until = $until, updated_at = $now
        WHERE state IN {Started} AND ($all = 1 OR owner IS NULL OR lease_until IS NULL OR lease_until <= $now)
        RETURNING id;
        """;

    private const string Release = $"""
        UPDATE jobs SET lease_until = $now WHERE owner = $owner AND state IN {Started};
        """;

    public bool IsShared => false;

    public async Task<bool> ClaimAsync(string jobId, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        return await database.WriteAsync(tx => ClaimIn(tx, jobId, owner, lease), cancellationToken).ConfigureAwait(false);
    }

    public async Task<JobRecord?> ClaimNextAsync(JobClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentException.ThrowIfNullOrEmpty(claim.Owner, nameof(claim));
        var limits = JsonSerializer.Serialize(claim.ProviderConcurrency.ToDictionary(p => p.Key.ToLowerInvariant(), p => p.Value, StringComparer.Ordinal));
        return await database.WriteAsync(tx =>
        {
            var id = tx.Command(PickNext, ("$limits", limits), ("$perUser", claim.MaxRunningPerUser), ("$perProvider", claim.DefaultProviderConcurrency))
                .ExecuteScalar() as string;
            return id is not null && ClaimIn(tx, id, claim.Owner, claim.Lease) ? ReadIn(tx, id) : null;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> RenewLeasesAsync(string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        var until = SqliteValues.ToUnixMs(time.GetUtcNow() + lease);
        return await database.WriteAsync(tx => Ids(tx, Renew, ("$owner", owner), ("$until", until)), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<JobRecord>> TakeOverAsync(string owner, TimeSpan lease, bool all, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        var now = time.GetUtcNow();
        var ids = await database.WriteAsync(
            tx => Ids(tx, TakeOver, ("$owner", owner), ("$all", all ? 1 : 0), ("$now", SqliteValues.ToUnixMs(now)), ("$until", SqliteValues.ToUnixMs(now + lease))),
            cancellationToken).ConfigureAwait(false);
        if (ids.Count == 0)
        {
            return [];
        }

        using var connection = database.OpenRead();
        var taken = connection.ReadAll($"{Columns} WHERE j.owner = $owner AND j.state IN {Started} ORDER BY j.created_at, j.rowid;", JobRows.Read, ("$owner", owner));
        return [.. taken.Where(j => ids.Contains(j.Id, StringComparer.Ordinal))];
    }

    public Task<int> ReleaseLeasesAsync(string owner, CancellationToken cancellationToken) =>
        database.WriteAsync(tx => tx.Execute(Release, ("$owner", owner), ("$now", SqliteValues.ToUnixMs(time.GetUtcNow()))), cancellationToken);

    /// <summary>Claims one queued job in the caller's write; false when it is not queued.</summary>
    private bool ClaimIn(WriteTransaction tx, string jobId, string owner, TimeSpan lease)
    {
        var now = time.GetUtcNow();
        var ms = SqliteValues.ToUnixMs(now);
        if (tx.Execute(Claim, ("$id", jobId), ("$owner", owner), ("$until", SqliteValues.ToUnixMs(now + lease)), ("$now", ms)) != 1)
        {
            return false;
        }

        tx.Execute(Served, ("$id", jobId), ("$now", ms));
        return true;
    }

    private static JobRecord? ReadIn(WriteTransaction tx, string jobId)
    {
        using var reader = tx.Command($"{Columns} WHERE j.id = $id;", ("$id", jobId)).ExecuteReader();
        return reader.Read() ? JobRows.Read(reader) : null;
    }

    private static List<string> Ids(WriteTransaction tx, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var ids = new List<string>();
        using var reader = tx.Command(sql, parameters).ExecuteReader();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
