using Microsoft.Data.Sqlite;

namespace ChatBot.IntegrationTests.TestSupport;

/// <summary>Reads the bot's SQLite file read-only and checks the credit and job invariants.</summary>
internal sealed class LedgerAudit(string databasePath)
{
    private const string Terminal = "('succeeded', 'failed', 'cancelled', 'refunded')";

    public IReadOnlyList<string> NonTerminalJobs() => Strings($"SELECT id || ' ' || state FROM jobs WHERE state NOT IN {Terminal}");

    /// <summary>Accounts whose balance differs from the sum of their ledger.</summary>
    public IReadOnlyList<string> UnbalancedAccounts() => Strings("""
        SELECT a.user_id || ': balance ' || a.balance || ', ledger ' || COALESCE(SUM(l.amount), 0)
        FROM accounts a LEFT JOIN ledger l ON l.account_id = a.id
        GROUP BY a.id HAVING a.balance <> COALESCE(SUM(l.amount), 0)
        """);

    /// <summary>
    /// Jobs whose money did not end exactly once: one reservation, at most one release or refund, and a net
    /// movement equal to what was charged (nothing for a job that did not succeed).
    /// </summary>
    public IReadOnlyList<string> UnsettledJobs() => Strings($"""
        SELECT j.id || ' ' || j.state || ': reserves ' || SUM(l.kind = 'reserve') || ', endings ' || SUM(l.kind IN ('release', 'refund'))
               || ', net ' || COALESCE(SUM(l.amount), 0) || ', charged ' || COALESCE(j.charged, 0)
        FROM jobs j LEFT JOIN ledger l ON l.job_id = j.id
        GROUP BY j.id
        HAVING SUM(l.kind = 'reserve') <> 1
            OR SUM(l.kind IN ('release', 'refund')) > 1
            OR COALESCE(SUM(l.amount), 0) <> -(CASE WHEN j.state = 'succeeded' THEN COALESCE(j.charged, -1) ELSE 0 END)
        """);

    /// <summary>What the ledger's job entries took from <paramref name="user"/> (everyone when null): reserves less releases and refunds.</summary>
    public long JobSpend(string? user = null) => long.Parse(Strings($"""
        SELECT COALESCE(-SUM(l.amount), 0) FROM ledger l JOIN accounts a ON a.id = l.account_id
        WHERE l.job_id IS NOT NULL {(user is null ? "" : $"AND a.user_id = '{user.Replace("'", "''", StringComparison.Ordinal)}'")}
        """)[0], System.Globalization.CultureInfo.InvariantCulture);

    public long JobCount() => long.Parse(Strings("SELECT COUNT(*) FROM jobs")[0], System.Globalization.CultureInfo.InvariantCulture);

    private List<string> Strings(string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) ?? "");
        }

        return rows;
    }
}
