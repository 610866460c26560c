using ChatBot.Core.Model;
using ChatBot.Core.Credits;
using ChatBot.Storage.Credits;
using ChatBot.Storage.Jobs;
using ChatBot.Storage.Media;
using ChatBot.Storage.Platform;
using ChatBot.Storage.Sqlite;
using ChatBot.Storage.Tenants;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Storage.Tests.TestSupport;

/// <summary>A real database file (and media folder) in a fresh temp directory, deleted on dispose.</summary>
internal sealed class StorageFixture : IDisposable
{
    private readonly List<SqliteDatabase> _databases = [];

    public StorageFixture(long defaultAllowance = 50, long? maxMediaBytes = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "chatbot-storage-tests", Guid.NewGuid().ToString("N"));
        Options = new StorageOptions
        {
            DatabasePath = Path.Combine(Root, "db", "chatbot.db"),
            MediaPath = Path.Combine(Root, "media"),
            MaxMediaBytes = maxMediaBytes,
        };
        Credits = new CreditOptions { DefaultDailyAllowance = defaultAllowance };
        Database = OpenDatabase();
    }

    public string Root { get; }

    public StorageOptions Options { get; }

    public CreditOptions Credits { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));

    public SqliteDatabase Database { get; }

    /// <summary>Another handle on the same file, as a second process would have.</summary>
    public SqliteDatabase OpenDatabase(IReadOnlyList<Migration>? migrations = null)
    {
        var database = new SqliteDatabase(Options.DatabasePath, NullLogger.Instance, migrations ?? Migrations.All);
        _databases.Add(database);
        return database;
    }

    public SqliteJobStore CreateJobStore(SqliteDatabase? database = null) =>
        new(database ?? Database, Time, Microsoft.Extensions.Options.Options.Create(Credits), NullLogger<SqliteJobStore>.Instance);

    public SqliteCreditLedger CreateLedger(SqliteDatabase? database = null) =>
        new(database ?? Database, Time, Microsoft.Extensions.Options.Options.Create(Credits), NullLogger<SqliteCreditLedger>.Instance);

    public SqliteEventDeduplicator CreateDeduplicator(SqliteDatabase? database = null) =>
        new(database ?? Database, Time, NullLogger<SqliteEventDeduplicator>.Instance);

    public FileMediaStore CreateMediaStore(SqliteDatabase? database = null) =>
        new(database ?? Database, Time, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<FileMediaStore>.Instance);

    public SqliteTenantSettingsStore CreateTenantSettingsStore() => new(Database, Time);

    public SqlitePlatformReplyStore CreatePlatformReplyStore(SqliteDatabase? database = null) => new(database ?? Database, Time);

    public long Scalar(string sql)
    {
        using var connection = Database.OpenRead();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    public long BalanceOf(AccountKey account)
    {
        using var connection = Database.OpenRead();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT balance FROM accounts WHERE platform = $p AND tenant_id = $t AND user_id = $u;";
        command.Parameters.AddWithValue("$p", account.Platform);
        command.Parameters.AddWithValue("$t", account.TenantId);
        command.Parameters.AddWithValue("$u", account.UserId);
        return (long)(command.ExecuteScalar() ?? throw new InvalidOperationException($"No account {account}."));
    }

    /// <summary>How many ledger rows there are and what the account holds: equal before and after means nothing was written.</summary>
    public (long LedgerRows, long Balance) LedgerOf(AccountKey account) => (Scalar("SELECT COUNT(*) FROM ledger"), BalanceOf(account));

    /// <summary>
    /// For every account, checked with SQL: the balance equals the sum of its ledger, is never negative, and
    /// credits are conserved — what came in (allowances, grants, adjustments) equals the balance plus what
    /// finished jobs and reservations charged plus what active ones still hold.
    /// </summary>
    public void AssertInvariants()
    {
        using var connection = Database.OpenRead();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT a.id, a.balance,
                   COALESCE((SELECT SUM(amount) FROM ledger l WHERE l.account_id = a.id), 0),
                   COALESCE((SELECT SUM(amount) FROM ledger l WHERE l.account_id = a.id AND kind IN ('allowance', 'grant', 'adjustment')), 0),
                   COALESCE((SELECT SUM(charged) FROM jobs j WHERE j.account_id = a.id AND state = 'succeeded'), 0),
                   COALESCE((SELECT SUM(reserved) FROM jobs j WHERE j.account_id = a.id AND state NOT IN ('succeeded', 'failed', 'cancelled', 'refunded')), 0),
                   COALESCE((SELECT SUM(CASE state WHEN 'open' THEN amount ELSE charged END) FROM reservations r WHERE r.account_id = a.id), 0)
            FROM accounts a;
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var (id, balance, ledger, income, charged, held, reservations) =
                (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6));
            balance.ShouldBe(ledger, $"account {id}: balance must equal the sum of its ledger");
            balance.ShouldBeGreaterThanOrEqualTo(0, $"account {id}: balance must never be negative");
            income.ShouldBe(balance + charged + held + reservations, $"account {id}: credits must be conserved");
        }
    }

    public void Dispose()
    {
        foreach (var database in _databases)
        {
            database.Dispose();
        }

        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
