using ChatBot.Core.Model;
using ChatBot.Core.Audit;
using ChatBot.Core.Credits;
using ChatBot.Core.Jobs;
using ChatBot.Core.Platform;
using ChatBot.Core.Tenants;
using ChatBot.Core.Usage;
using ChatBot.Storage.Audit;
using ChatBot.Storage.Credits;
using ChatBot.Storage.Jobs;
using ChatBot.Storage.Media;
using ChatBot.Storage.Platform;
using ChatBot.Storage.Sqlite;
using ChatBot.Storage.Tenants;
using ChatBot.Storage.Usage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Storage.Tests.TestSupport;

/// <summary>A real database file (and media folder) in a fresh temp directory, deleted on dispose.</summary>
internal sealed class StorageFixture : IStoreFixture, IDisposable
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
        return StoreChecks.Scalar(connection, sql);
    }

    public void Execute(string sql)
    {
        using var connection = Database.OpenRead();
        StoreChecks.Execute(connection, sql);
    }

    public long BalanceOf(AccountKey account)
    {
        using var connection = Database.OpenRead();
        return StoreChecks.BalanceOf(connection, account);
    }

    public (long LedgerRows, long Balance) LedgerOf(AccountKey account) => (Scalar("SELECT COUNT(*) FROM ledger"), BalanceOf(account));

    public void AssertInvariants()
    {
        using var connection = Database.OpenRead();
        StoreChecks.AssertInvariants(connection);
    }

    public IStores OpenAnotherHandle() => new Handle(this, OpenDatabase());

    IJobStore IStores.JobStore() => CreateJobStore();

    ICreditLedger IStores.Ledger() => CreateLedger();

    IEventDeduplicator IStores.Deduplicator() => CreateDeduplicator();

    IPlatformReplyStore IStores.PlatformReplies() => CreatePlatformReplyStore();

    ITenantSettingsStore IStores.TenantSettings() => CreateTenantSettingsStore();

    IMemberSettingsStore IStores.MemberSettings() => new SqliteMemberSettingsStore(Database, Time);

    IUsageStore IStores.Usage() => new SqliteUsageStore(Database);

    IStoreAudit IStores.Audit() => new SqliteStoreAudit(Database);

    IWorkerRegistry IStores.Workers() => new ChatBot.Storage.Workers.SqliteWorkerRegistry(Database, Time);

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
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

    private sealed class Handle(StorageFixture fixture, SqliteDatabase database) : IStores
    {
        public IJobStore JobStore() => fixture.CreateJobStore(database);

        public ICreditLedger Ledger() => fixture.CreateLedger(database);

        public IEventDeduplicator Deduplicator() => fixture.CreateDeduplicator(database);

        public IPlatformReplyStore PlatformReplies() => fixture.CreatePlatformReplyStore(database);

        public ITenantSettingsStore TenantSettings() => new SqliteTenantSettingsStore(database, fixture.Time);

        public IMemberSettingsStore MemberSettings() => new SqliteMemberSettingsStore(database, fixture.Time);

        public IUsageStore Usage() => new SqliteUsageStore(database);

        public IWorkerRegistry Workers() => new ChatBot.Storage.Workers.SqliteWorkerRegistry(database, fixture.Time);

        public IStoreAudit Audit() => new SqliteStoreAudit(database);
    }
}
