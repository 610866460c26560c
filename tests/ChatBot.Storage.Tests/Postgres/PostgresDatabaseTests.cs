using ChatBot.Core.Audit;
using ChatBot.Core.Credits;
using ChatBot.Core.Jobs;
using ChatBot.Core.Media;
using ChatBot.Core.Migration;
using ChatBot.Core.Platform;
using ChatBot.Core.Tenants;
using ChatBot.Core.Usage;
using ChatBot.Storage.Postgres;
using ChatBot.Storage.Postgres.Database;
using ChatBot.Storage.Tests.TestSupport;
using ChatBot.Testing.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ChatBot.Storage.Tests.Postgres;

/// <summary>What only the PostgreSQL store has: its migrations in <c>schema_version</c>, its registration, its media records.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresDatabaseTests(PostgresServer server) : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly string _media = Path.Combine(Path.GetTempPath(), "chatbot-storage-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_media))
        {
            Directory.Delete(_media, recursive: true);
        }
    }

    [Fact]
    public async Task EnsureInitializedAsync_TwoWorkersAtOnce_ApplyEachMigrationOnce()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var first = new PostgresDatabase(connectionString, NullLogger.Instance, PostgresMigrations.All);
        await using var second = new PostgresDatabase(connectionString, NullLogger.Instance, PostgresMigrations.All);

        await Task.WhenAll(first.EnsureInitializedAsync(Ct), second.EnsureInitializedAsync(Ct));

        first.SchemaVersion.ShouldBe(PostgresMigrations.All[^1].Version);
        second.SchemaVersion.ShouldBe(first.SchemaVersion);
        (await ScalarAsync(connectionString, "SELECT COUNT(*) FROM schema_version")).ShouldBe(PostgresMigrations.All.Count);
        (await ScalarAsync(connectionString, "SELECT COUNT(DISTINCT version) FROM schema_version")).ShouldBe(PostgresMigrations.All.Count);
    }

    [Fact]
    public async Task EnsureInitializedAsync_NewerSchemaThanTheBuild_RefusesNamingTheSetting()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using (var current = new PostgresDatabase(connectionString, NullLogger.Instance, PostgresMigrations.All))
        {
            await current.EnsureInitializedAsync(Ct);
        }

        await using var older = new PostgresDatabase(connectionString, NullLogger.Instance, PostgresMigrations.All.Take(2).ToList());

        var error = await Should.ThrowAsync<InvalidOperationException>(() => older.EnsureInitializedAsync(Ct));
        error.Message.ShouldContain("Storage:ConnectionString");
    }

    [Fact]
    public async Task EnsureInitializedAsync_FailingStep_LeavesNoHalfOfIt()
    {
        var connectionString = await server.CreateDatabaseAsync();
        List<PostgresMigration> broken = [.. PostgresMigrations.All.Take(1), new(2, "broken", "CREATE TABLE half (id int); SELECT no_such_function();")];
        await using var database = new PostgresDatabase(connectionString, NullLogger.Instance, broken);

        await Should.ThrowAsync<PostgresException>(() => database.EnsureInitializedAsync(Ct));

        (await ScalarAsync(connectionString, "SELECT MAX(version) FROM schema_version")).ShouldBe(1);
        (await ScalarAsync(connectionString, "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'half'")).ShouldBe(0);
    }

    [Fact]
    public async Task Ledger_UpdateOrDelete_IsRefused()
    {
        await using var fixture = await PostgresStoreFixture.CreateAsync(server, 50);
        await fixture.Ledger().GetBalanceAsync(TestJobs.Alice, Ct);

        Should.Throw<PostgresException>(() => fixture.Execute("UPDATE ledger SET amount = 1000")).Message.ShouldContain("append-only");
        Should.Throw<PostgresException>(() => fixture.Execute("DELETE FROM ledger")).Message.ShouldContain("append-only");
    }

    [Fact]
    public async Task AddPostgresStorage_HostStarts_ResolvesEveryContractOverOneMigratedDatabase()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var provider = CreateServices(new() { ["Storage:ConnectionString"] = connectionString, ["Storage:MediaPath"] = _media });

        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(Ct);
        }

        Directory.Exists(_media).ShouldBeTrue();
        (await ScalarAsync(connectionString, "SELECT MAX(version) FROM schema_version")).ShouldBe(PostgresMigrations.All[^1].Version);
        provider.GetRequiredService<IJobStore>().ShouldNotBeNull();
        provider.GetRequiredService<ICreditLedger>().ShouldBeSameAs(provider.GetRequiredService<ICreditLedger>());
        provider.GetRequiredService<IEventDeduplicator>().ShouldNotBeNull();
        provider.GetRequiredService<ITenantSettingsStore>().ShouldNotBeNull();
        provider.GetRequiredService<IUsageStore>().ShouldNotBeNull();
        provider.GetRequiredService<IPlatformReplyStore>().ShouldNotBeNull();
        provider.GetRequiredService<IStoreAudit>().ShouldNotBeNull();
        provider.GetRequiredService<IStoreImport>().ShouldNotBeNull();
        var balance = await provider.GetRequiredService<ICreditLedger>().GetBalanceAsync(TestJobs.Alice, Ct);
        balance.Available.ShouldBe(new CreditOptions().DefaultDailyAllowance);
        provider.GetRequiredService<IOptions<PostgresStorageOptions>>().Value.Describe().ShouldBe($"127.0.0.1:{server.Port}/{new NpgsqlConnectionStringBuilder(connectionString).Database}");
    }

    [Fact]
    public async Task AddPostgresStorage_NoConnectionString_FailsValidationNamingIt()
    {
        await using var provider = CreateServices([]);

        var error = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PostgresStorageOptions>>().Value);

        error.Message.ShouldContain("Storage:ConnectionString");
    }

    [Fact]
    public async Task MediaStore_SaveThenReadFromAnotherWorker_RoundTripsBytesMetadataAndLink()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var one = CreateServices(new() { ["Storage:ConnectionString"] = connectionString, ["Storage:MediaPath"] = _media });
        await using var two = CreateServices(new() { ["Storage:ConnectionString"] = connectionString, ["Storage:MediaPath"] = _media });
        var link = new Uri("https://media.aetherwavestudio.com/images/a.png");
        var bytes = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7)).ToArray();

        var saved = await one.GetRequiredService<IMediaStore>().SaveAsync(new MemoryStream(bytes), "image/png", "fox.png", 640, 480, link, Ct);

        var other = two.GetRequiredService<IMediaStore>();
        (await other.GetAsync(saved.Key, Ct)).ShouldBe(saved);
        (await other.GetAsync(saved.Key, Ct))!.SourceUrl.ShouldBe(link);
        await using var stream = (await other.OpenReadAsync(saved.Key, Ct)).ShouldNotBeNull();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        copy.ToArray().ShouldBe(bytes);
        (await other.GetAsync("../../etc/passwd", Ct)).ShouldBeNull();
        (await other.OpenReadAsync("0123456789abcdef01234567.png", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task MediaStore_OverTheSizeCap_RefusesAndKeepsNothing()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var provider = CreateServices(new() { ["Storage:ConnectionString"] = connectionString, ["Storage:MediaPath"] = _media, ["Storage:MaxMediaBytes"] = "10" });
        await provider.GetRequiredService<PostgresDatabase>().EnsureInitializedAsync(Ct);

        await Should.ThrowAsync<MediaRejectedException>(() => provider.GetRequiredService<IMediaStore>().SaveAsync(new MemoryStream(new byte[11]), "image/png", "big.png", 1, 1, Ct));

        (await ScalarAsync(connectionString, "SELECT COUNT(*) FROM media")).ShouldBe(0);
        Directory.EnumerateFiles(_media, "*", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    private static ServiceProvider CreateServices(Dictionary<string, string?> settings) => new ServiceCollection()
        .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
        .AddLogging()
        .AddPostgresStorage()
        .BuildServiceProvider();

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L);
    }
}
