using ChatBot.Core.Jobs;
using ChatBot.Storage.Postgres.Database;

namespace ChatBot.Storage.Postgres.Jobs;

/// <summary>
/// Claims and leases, shared by every worker. Claims take one transaction-scoped advisory lock, so the running counts
/// a claim reads (per member, per provider) cannot change under it by another worker's claim: the limits hold across
/// workers. The picked row is locked <c>FOR UPDATE SKIP LOCKED</c>, so a row another transaction is ending is skipped,
/// never waited for.
/// </summary>
internal sealed partial class PostgresJobStore
{
    /// <summary>The advisory lock key of claims (any constant every worker agrees on).</summary>
    private const long ClaimLock = 0x436C61696D4A6F62;

    private const string Started = "('submitting', 'running', 'delivering')";

    /// <summary>
    /// The next job whose turn it is. A member's turn: when they were last served, or when their oldest waiting job
    /// joined the line, whichever is later (so a member new to the line queues behind the members already in it).
    /// </summary>
    private const string PickNext = $"""
        WITH running AS (SELECT account_id, lower(provider) AS provider FROM jobs WHERE state IN {Started}),
             heads AS (SELECT account_id, MIN(created_at) AS first FROM jobs WHERE state = 'queued' GROUP BY account_id),
             limits AS (SELECT lower(p) AS provider, n FROM unnest(@names::text[], @limits::int[]) AS l(p, n))
        SELECT j.id FROM jobs j
        JOIN heads h ON h.account_id = j.account_id
        JOIN accounts a ON a.id = j.account_id
        WHERE j.state = 'queued'
          AND (SELECT COUNT(*) FROM running r WHERE r.account_id = j.account_id) < @perUser
          AND (SELECT COUNT(*) FROM running r WHERE r.provider = lower(j.provider))
              < COALESCE((SELECT n FROM limits l WHERE l.provider = lower(j.provider)), @perProvider)
        ORDER BY GREATEST(a.last_claimed_at, h.first), j.created_at, j.seq
        LIMIT 1
        FOR UPDATE OF j SKIP LOCKED;
        """;

    private const string Claim = """
        UPDATE jobs SET state = 'submitting', owner = @owner, lease_until = @until, started_at = @now, updated_at = @now
        WHERE id = @id AND state = 'queued';
        """;

    /// <summary>Strictly increasing turns, even for claims within one millisecond.</summary>
    private const string Served = """
        UPDATE accounts SET last_claimed_at = GREATEST(@now, (SELECT COALESCE(MAX(last_claimed_at), 0) FROM accounts) + 1)
        WHERE id = (SELECT account_id FROM jobs WHERE id = @id);
        """;

    private const string Renew = $"""
        UPDATE jobs SET lease_until = @until WHERE owner = @owner AND state IN {Started} RETURNING id;
        """;

    private const string TakeOver = $"""
        UPDATE jobs SET owner = @owner, lease_until = @until, updated_at = @now
        WHERE id IN (
            SELECT id FROM jobs
            WHERE state IN {Started} AND (@all OR owner IS NULL OR lease_until IS NULL OR lease_until <= @now)
            FOR UPDATE SKIP LOCKED)
        RETURNING id;
        """;

    private const string Release = $"""
        UPDATE jobs SET lease_until = @now WHERE owner = @owner AND state IN {Started};
        """;

    public bool IsShared => true;

    public Task<bool> ClaimAsync(string jobId, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        return database.WriteAsync(tx => ClaimInAsync(tx, jobId, owner, lease, cancellationToken), cancellationToken);
    }

    public async Task<JobRecord?> ClaimNextAsync(JobClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentException.ThrowIfNullOrEmpty(claim.Owner, nameof(claim));
        var names = claim.ProviderConcurrency.Keys.ToArray();
        var limits = names.Select(n => claim.ProviderConcurrency[n]).ToArray();
        var id = await database.WriteAsync(async tx =>
        {
            await tx.ExecuteAsync("SELECT pg_advisory_xact_lock(@key);", cancellationToken, ("key", ClaimLock)).ConfigureAwait(false);
            var picked = await tx.ScalarAsync(PickNext, cancellationToken,
                ("names", names), ("limits", limits), ("perUser", claim.MaxRunningPerUser), ("perProvider", claim.DefaultProviderConcurrency)).ConfigureAwait(false) as string;
            return picked is not null && await ClaimInAsync(tx, picked, claim.Owner, claim.Lease, cancellationToken, locked: true).ConfigureAwait(false) ? picked : null;
        }, cancellationToken).ConfigureAwait(false);
        return id is null ? null : await GetAsync(id, cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<string>> RenewLeasesAsync(string owner, TimeSpan lease, CancellationToken cancellationToken) =>
        database.ReadAllAsync(Renew, r => r.GetString(0), cancellationToken, ("owner", owner), ("until", (time.GetUtcNow() + lease).ToUnixTimeMilliseconds()));

    public async Task<IReadOnlyList<JobRecord>> TakeOverAsync(string owner, TimeSpan lease, bool all, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        var now = time.GetUtcNow();
        var ids = await database.ReadAllAsync(TakeOver, r => r.GetString(0), cancellationToken,
            ("owner", owner), ("all", all), ("now", now.ToUnixTimeMilliseconds()), ("until", (now + lease).ToUnixTimeMilliseconds())).ConfigureAwait(false);
        return ids.Count == 0
            ? []
            : await database.ReadAllAsync($"{PostgresJobRows.Columns} WHERE j.id = ANY(@ids) AND j.owner = @owner ORDER BY j.created_at, j.seq;",
                PostgresJobRows.Read, cancellationToken, ("ids", ids.ToArray()), ("owner", owner)).ConfigureAwait(false);
    }

    public Task<int> ReleaseLeasesAsync(string owner, CancellationToken cancellationToken) =>
        database.ExecuteAsync(Release, cancellationToken, ("owner", owner), ("now", Now()));

    private async Task<bool> ClaimInAsync(PostgresTransaction tx, string jobId, string owner, TimeSpan lease, CancellationToken cancellationToken, bool locked = false)
    {
        if (!locked)
        {
            await tx.ExecuteAsync("SELECT pg_advisory_xact_lock(@key);", cancellationToken, ("key", ClaimLock)).ConfigureAwait(false);
        }

        var now = time.GetUtcNow();
        if (await tx.ExecuteAsync(Claim, cancellationToken,
            ("id", jobId), ("owner", owner), ("until", (now + lease).ToUnixTimeMilliseconds()), ("now", now.ToUnixTimeMilliseconds())).ConfigureAwait(false) != 1)
        {
            return false;
        }

        await tx.ExecuteAsync(Served, cancellationToken, ("id", jobId), ("now", now.ToUnixTimeMilliseconds())).ConfigureAwait(false);
        return true;
    }
}
