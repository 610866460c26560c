using ChatBot.Core.Audit;
using ChatBot.Storage.Jobs;
using ChatBot.Storage.Sqlite;

namespace ChatBot.Storage.Audit;

/// <summary>
/// The <c>audit</c> command's checks on the SQLite file. Each query reads its own snapshot (WAL), so beside a running
/// host a job ending between two queries can show in one figure and not the next; run it on a stopped host for exact figures.
/// </summary>
internal sealed class SqliteStoreAudit(SqliteDatabase database) : IStoreAudit
{
    private const string Figures = $"""
        SELECT (SELECT COUNT(*) FROM accounts), (SELECT COUNT(*) FROM ledger),
               (SELECT COALESCE(SUM(balance), 0) FROM accounts), (SELECT COALESCE(SUM(amount), 0) FROM ledger),
               (SELECT COUNT(*) FROM jobs), (SELECT COUNT(*) FROM jobs WHERE state NOT IN {JobStateNames.TerminalList});
        """;

    private const string Unbalanced = """
        SELECT a.platform || '/' || a.tenant_id || '/' || a.user_id, a.balance, COALESCE(SUM(l.amount), 0)
        FROM accounts a LEFT JOIN ledger l ON l.account_id = a.id
        GROUP BY a.id
        HAVING a.balance <> COALESCE(SUM(l.amount), 0)
        ORDER BY a.id;
        """;

    private const string JobLedger = """
        SELECT j.id, j.state, j.reserved, COALESCE(j.charged, 0),
               COALESCE(SUM(CASE WHEN l.kind = 'reserve' THEN 1 ELSE 0 END), 0),
               COALESCE(SUM(CASE WHEN l.kind IN ('release', 'refund') THEN 1 ELSE 0 END), 0),
               COALESCE(SUM(l.amount), 0)
        FROM jobs j LEFT JOIN ledger l ON l.job_id = j.id
        GROUP BY j.id
        ORDER BY j.rowid;
        """;

    private const string Stuck = $"""
        SELECT id || ' ' || state FROM jobs WHERE state NOT IN {JobStateNames.TerminalList} AND updated_at < $cutoff ORDER BY created_at, rowid;
        """;

    public Task<StoreAuditReport> RunAsync(DateTimeOffset stuckBefore, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = database.OpenRead();
        var figures = connection.ReadAll(Figures, r => Enumerable.Range(0, 6).Select(r.GetInt64).ToArray())[0];
        var (open, twice) = JobLedgerCheck.Sort(connection.ReadAll(
            JobLedger,
            r => new JobLedgerRow(r.GetString(0), JobStateNames.Parse(r.GetString(1)), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6))));
        return Task.FromResult(new StoreAuditReport
        {
            Store = $"SQLite {database.FilePath}",
            Accounts = figures[0],
            LedgerEntries = figures[1],
            Balances = figures[2],
            LedgerSum = figures[3],
            Jobs = figures[4],
            ActiveJobs = figures[5],
            UnbalancedAccounts = connection.ReadAll(Unbalanced, r => new AccountDrift(r.GetString(0), r.GetInt64(1), r.GetInt64(2))),
            OpenReservationsOnEndedJobs = open,
            JobsChargedTwice = twice,
            StuckJobs = connection.ReadAll(Stuck, r => r.GetString(0), ("$cutoff", SqliteValues.ToUnixMs(stuckBefore))),
        });
    }
}
