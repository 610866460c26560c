using ChatBot.Core.Audit;
using ChatBot.Core.Credits;
using ChatBot.Core.Jobs;
using ChatBot.Core.Model;
using ChatBot.Core.Platform;
using ChatBot.Core.Tenants;
using ChatBot.Core.Usage;
using ChatBot.Storage.Postgres.Audit;
using ChatBot.Storage.Postgres.Credits;
using ChatBot.Storage.Postgres.Database;
using ChatBot.Storage.Postgres.Jobs;
using ChatBot.Storage.Postgres.Platform;
using ChatBot.Storage.Postgres.Tenants;
using ChatBot.Storage.Postgres.Usage;
using ChatBot.Testing.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace ChatBot.Storage.Tests.TestSupport;

/// <summary>A fresh PostgreSQL database on the run's shared server, with the stores over it; its pools close on dispose.</summary>
internal sealed class PostgresStoreFixture : IStoreFixture
{
    private readonly List<PostgresDatabase> _databases = [];
    private readonly IStores _main;

    private PostgresStoreFixture(string connectionString, long defaultAllowance)
    {
        ConnectionString = connectionString;
        Credits = new CreditOptions { DefaultDailyAllowance = defaultAllowance };
        _main = OpenAnotherHandle();
    }

    public string ConnectionString { get; }

    public CreditOptions Credits { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));

    public static async Task<PostgresStoreFixture> CreateAsync(PostgresServer server, long defaultAllowance) =>
        new(await server.CreateDatabaseAsync(), defaultAllowance);

    /// <summary>Another database object on the same connection string: its own pool, as another worker would have.</summary>
    public PostgresDatabase OpenDatabase()
    {
        var database = new PostgresDatabase(ConnectionString, NullLogger.Instance, PostgresMigrations.All);
        _databases.Add(database);
        return database;
    }

    public IStores OpenAnotherHandle() => new Handle(this, OpenDatabase());

    public IJobStore JobStore() => _main.JobStore();

    public ICreditLedger Ledger() => _main.Ledger();

    public IEventDeduplicator Deduplicator() => _main.Deduplicator();

    public IPlatformReplyStore PlatformReplies() => _main.PlatformReplies();

    public IWorkerRegistry Workers() => _main.Workers();

    public ITenantSettingsStore TenantSettings() => _main.TenantSettings();

    public IMemberSettingsStore MemberSettings() => _main.MemberSettings();

    public IUsageStore Usage() => _main.Usage();

    public IStoreAudit Audit() => _main.Audit();

    public long Scalar(string sql) => WithConnection(c => StoreChecks.Scalar(c, sql));

    public void Execute(string sql) => WithConnection(c =>
    {
        StoreChecks.Execute(c, sql);
        return 0;
    });

    public long BalanceOf(AccountKey account) => WithConnection(c => StoreChecks.BalanceOf(c, account));

    public (long LedgerRows, long Balance) LedgerOf(AccountKey account) => (Scalar("SELECT COUNT(*) FROM ledger"), BalanceOf(account));

    public void AssertInvariants() => WithConnection(c =>
    {
        StoreChecks.AssertInvariants(c);
        return 0;
    });

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }

        await using var connection = new NpgsqlConnection(ConnectionString);
        NpgsqlConnection.ClearPool(connection);
    }

    private T WithConnection<T>(Func<NpgsqlConnection, T> work)
    {
        // Pooling off: the checks' connections close at once and never count against the server's limit.
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ToString());
        connection.Open();
        return work(connection);
    }

    private sealed class Handle(PostgresStoreFixture fixture, PostgresDatabase database) : IStores
    {
        private readonly Microsoft.Extensions.Options.IOptions<CreditOptions> _credits = Microsoft.Extensions.Options.Options.Create(fixture.Credits);

        public IJobStore JobStore() => new PostgresJobStore(database, fixture.Time, _credits, NullLogger<PostgresJobStore>.Instance);

        public ICreditLedger Ledger() => new PostgresCreditLedger(database, fixture.Time, _credits, NullLogger<PostgresCreditLedger>.Instance);

        public IEventDeduplicator Deduplicator() => new PostgresEventDeduplicator(database, fixture.Time, NullLogger<PostgresEventDeduplicator>.Instance);

        public IPlatformReplyStore PlatformReplies() => new PostgresPlatformReplyStore(database, fixture.Time);

        public ITenantSettingsStore TenantSettings() => new PostgresTenantSettingsStore(database, fixture.Time);

        public IMemberSettingsStore MemberSettings() => new PostgresMemberSettingsStore(database, fixture.Time);

        public IUsageStore Usage() => new PostgresUsageStore(database);

        public IStoreAudit Audit() => new PostgresStoreAudit(database);

        public IWorkerRegistry Workers() => new ChatBot.Storage.Postgres.Workers.PostgresWorkerRegistry(database, fixture.Time);
    }
}
