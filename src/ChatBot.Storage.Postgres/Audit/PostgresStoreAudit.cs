using ChatBot.Core.Audit;
using ChatBot.Storage.Postgres.Database;

namespace ChatBot.Storage.Postgres.Audit;

/// <summary>
/// The <c>audit</c> command's checks on the PostgreSQL database, in one REPEATABLE READ READ ONLY transaction: every
/// figure comes from the same snapshot, while workers keep writing.
/// </summary>
internal sealed class PostgresStoreAudit(PostgresDatabase database) : IStoreAudit
{
    private const string Figures = $"""
        SELECT (SELECT COUNT(*) FROM accounts), (SELECT COUNT(*) FROM ledger),
               (SELECT COALESCE(SUM(balance), 0) FROM accounts)::bigint, (SELECT COALESCE(SUM(amount), 0) FROM ledger)::bigint,
               (SELECT COUNT(*) FROM jobs), (SELECT COUNT(*) FROM jobs WHERE state NOT IN {StoredNames.TerminalList});
        """;

    private const string Unbalanced = """
        SELECT a.platform || '/' || a.tenant_id || '/' || a.user_id, a.balance, COALESCE(SUM(l.amount), 0)::bigint
        FROM accounts a LEFT JOIN ledger l ON l.account_id = a.id
        GROUP BY a.id
        HAVING a.balance <> COALESCE(SUM(l.amount), 0)
        ORDER BY a.id;
        """;

    private const string JobLedger = """
        SELECT j.id, j.state, j.reserved, COALESCE(j.charged, 0),
               COUNT(*) FILTER (WHERE l.kind = 'reserve'),
               COUNT(*) FILTER (WHERE l.kind IN ('release', 'refund')),
               COALESCE(SUM(l.amount), 0)::bigint
        FROM jobs j LEFT JOIN ledger l ON l.job_id = j.id
        GROUP BY j.id
        ORDER BY j.seq;
        """;

    private const string Stuck = $"""
        SELECT id || ' ' || state FROM jobs WHERE state NOT IN {StoredNames.TerminalList} AND updated_at < @cutoff ORDER BY created_at, seq;
        """;

    public async Task<StoreAuditReport> RunAsync(DateTimeOffset stuckBefore, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await connection.ScalarAsync("SET TRANSACTION READ ONLY;", cancellationToken).ConfigureAwait(false);
                var figures = (await connection.ReadAllAsync(Figures, r => Enumerable.Range(0, 6).Select(r.GetInt64).ToArray(), cancellationToken).ConfigureAwait(false))[0];
                var jobs = await connection.ReadAllAsync(
                    JobLedger,
                    r => new JobLedgerRow(r.GetString(0), StoredNames.ParseJobState(r.GetString(1)), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6)),
                    cancellationToken).ConfigureAwait(false);
                var (open, twice) = JobLedgerCheck.Sort(jobs);
                return new StoreAuditReport
                {
                    Store = $"PostgreSQL {database.Describe}",
                    Accounts = figures[0],
                    LedgerEntries = figures[1],
                    Balances = figures[2],
                    LedgerSum = figures[3],
                    Jobs = figures[4],
                    ActiveJobs = figures[5],
                    UnbalancedAccounts = await connection.ReadAllAsync(Unbalanced, r => new AccountDrift(r.GetString(0), r.GetInt64(1), r.GetInt64(2)), cancellationToken).ConfigureAwait(false),
                    OpenReservationsOnEndedJobs = open,
                    JobsChargedTwice = twice,
                    StuckJobs = await connection.ReadAllAsync(Stuck, r => r.GetString(0), cancellationToken, ("cutoff", stuckBefore.ToUnixTimeMilliseconds())).ConfigureAwait(false),
                };
            }
        }
    }
}
