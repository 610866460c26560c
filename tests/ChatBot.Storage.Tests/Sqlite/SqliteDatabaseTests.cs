using ChatBot.Storage.Sqlite;
using ChatBot.Storage.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace ChatBot.Storage.Tests.Sqlite;

public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly StorageFixture _fixture = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void EnsureInitialized_FreshPath_CreatesDirectoryAndMigratesToLatest()
    {
        var sut = _fixture.Database;

        sut.EnsureInitialized();

        File.Exists(_fixture.Options.DatabasePath).ShouldBeTrue();
        sut.SchemaVersion.ShouldBe(Migrations.All[^1].Version);
        _fixture.Scalar("PRAGMA user_version").ShouldBe(Migrations.All[^1].Version);
        Query("PRAGMA journal_mode").ShouldBe("wal");
        foreach (var table in new[] { "accounts", "ledger", "reservations", "tenant_allowances", "jobs", "seen_events", "media", "tenant_settings" })
        {
            _fixture.Scalar($"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'").ShouldBe(1, table);
        }
    }

    [Fact]
    public async Task EnsureInitialized_Reopen_KeepsDataAndAppliesNothingTwice()
    {
        await _fixture.CreateLedger().GrantAsync(TestJobs.Alice, 5, "before", _ct);
        _fixture.Database.Dispose();

        var reopened = _fixture.OpenDatabase();
        reopened.EnsureInitialized();
        reopened.EnsureInitialized();

        reopened.SchemaVersion.ShouldBe(Migrations.All[^1].Version);
        (await _fixture.CreateLedger(reopened).GetBalanceAsync(TestJobs.Alice, _ct)).Available.ShouldBe(55);
    }

    [Fact]
    public void EnsureInitialized_NewMigration_AppliesOnlyTheNewStepOnce()
    {
        _fixture.Database.EnsureInitialized();
        _fixture.Database.Dispose();
        var next = Migrations.All[^1].Version + 1;
        IReadOnlyList<Migration> extended = [.. Migrations.All, new Migration(next, "probe", "CREATE TABLE probe (id INTEGER PRIMARY KEY);")];

        var first = _fixture.OpenDatabase(extended);
        first.EnsureInitialized();
        first.Dispose();
        var second = _fixture.OpenDatabase(extended);
        second.EnsureInitialized();

        second.SchemaVersion.ShouldBe(next);
        using var connection = second.OpenRead();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = 'probe'";
        ((long)command.ExecuteScalar()!).ShouldBe(1);
    }

    [Fact]
    public void EnsureInitialized_DatabaseNewerThanBuild_RefusesWithClearMessage()
    {
        _fixture.Database.EnsureInitialized();
        _fixture.Database.Dispose();
        var older = _fixture.OpenDatabase(Migrations.All.Take(1).ToList());

        var error = Should.Throw<InvalidOperationException>(older.EnsureInitialized);

        error.Message.ShouldContain("newer than this build knows");
    }

    [Fact]
    public async Task EnsureInitialized_ManyThreadsAtOnce_MigratesOnce()
    {
        var sut = _fixture.Database;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var openers = Enumerable.Range(0, 16)
            .Select(_ => Task.Run(async () =>
            {
                await start.Task;
                using var connection = sut.OpenRead();
                return connection.State;
            }, _ct))
            .ToList();
        start.SetResult();
        var states = await Task.WhenAll(openers);

        states.ShouldAllBe(s => s == System.Data.ConnectionState.Open);
        sut.SchemaVersion.ShouldBe(Migrations.All[^1].Version);
    }

    [Fact]
    public async Task WriteAsync_WorkThrows_RollsBackAndKeepsWorking()
    {
        var sut = _fixture.Database;

        await Should.ThrowAsync<InvalidOperationException>(() => sut.WriteAsync<int>(tx =>
        {
            tx.Command("INSERT INTO tenant_allowances VALUES ('p', 't', 5, 0);").ExecuteNonQuery();
            throw new InvalidOperationException("boom");
        }, _ct));
        await sut.WriteAsync(tx => tx.Command("INSERT INTO tenant_allowances VALUES ('p', 'u', 7, 0);").ExecuteNonQuery(), _ct);

        _fixture.Scalar("SELECT COUNT(*) FROM tenant_allowances").ShouldBe(1);
        _fixture.Scalar("SELECT daily_allowance FROM tenant_allowances").ShouldBe(7);
    }

    [Fact]
    public async Task WriteAsync_Aborted_WritesNothing()
    {
        var sut = _fixture.Database;

        var result = await sut.WriteAsync(tx =>
        {
            tx.Command("INSERT INTO tenant_allowances VALUES ('p', 't', 5, 0);").ExecuteNonQuery();
            tx.Abort();
            return 42;
        }, _ct);

        result.ShouldBe(42);
        _fixture.Scalar("SELECT COUNT(*) FROM tenant_allowances").ShouldBe(0);
    }

    [Fact]
    public async Task Ledger_UpdateOrDelete_IsRefused()
    {
        await _fixture.CreateLedger().GrantAsync(TestJobs.Alice, 5, "gift", _ct);

        await Should.ThrowAsync<SqliteException>(() => _fixture.Database.WriteAsync(tx => tx.Command("UPDATE ledger SET amount = 1000;").ExecuteNonQuery(), _ct));
        await Should.ThrowAsync<SqliteException>(() => _fixture.Database.WriteAsync(tx => tx.Command("DELETE FROM ledger;").ExecuteNonQuery(), _ct));

        _fixture.Scalar("SELECT SUM(amount) FROM ledger").ShouldBe(55);
    }

    private string Query(string sql)
    {
        using var connection = _fixture.Database.OpenRead();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)command.ExecuteScalar()!;
    }
}
