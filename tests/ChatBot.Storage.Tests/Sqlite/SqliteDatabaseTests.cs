using ChatBot.Storage.Sqlite;
using ChatBot.Storage.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace ChatBot.Storage.Tests.Sqlite;

public sealed class SqliteDatabaseTests : StorageTest
{
    [Fact]
    public void EnsureInitialized_FreshPath_CreatesDirectoryAndMigratesToLatest()
    {
        var sut = Fixture.Database;

        sut.EnsureInitialized();

        File.Exists(Fixture.Options.DatabasePath).ShouldBeTrue();
        sut.SchemaVersion.ShouldBe(Migrations.All[^1].Version);
        Fixture.Scalar("PRAGMA user_version").ShouldBe(Migrations.All[^1].Version);
        Query("PRAGMA journal_mode").ShouldBe("wal");
        foreach (var table in new[] { "accounts", "ledger", "reservations", "tenant_allowances", "jobs", "seen_events", "media", "tenant_settings" })
        {
            Fixture.Scalar($"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'").ShouldBe(1, table);
        }
    }

    [Fact]
    public async Task EnsureInitialized_FreshPath_FolderAndFilesAreOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        await Fixture.CreateLedger().GrantAsync(TestJobs.Alice, 5, "write something", Ct);

        var path = Fixture.Options.DatabasePath;
        File.GetUnixFileMode(Path.GetDirectoryName(path)!).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite, file);
        }
    }

    [Fact]
    public void EnsureInitialized_ExistingWorldReadableFile_IsMadeOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Fixture.Database.EnsureInitialized();
        Fixture.Database.Dispose();
        File.SetUnixFileMode(Fixture.Options.DatabasePath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        Fixture.OpenDatabase().EnsureInitialized();

        File.GetUnixFileMode(Fixture.Options.DatabasePath).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public async Task EnsureInitialized_Reopen_KeepsDataAndAppliesNothingTwice()
    {
        await Fixture.CreateLedger().GrantAsync(TestJobs.Alice, 5, "before", Ct);
        Fixture.Database.Dispose();

        var reopened = Fixture.OpenDatabase();
        reopened.EnsureInitialized();
        reopened.EnsureInitialized();

        reopened.SchemaVersion.ShouldBe(Migrations.All[^1].Version);
        (await Fixture.CreateLedger(reopened).GetBalanceAsync(TestJobs.Alice, Ct)).Available.ShouldBe(55);
    }

    [Fact]
    public void EnsureInitialized_NewMigration_AppliesOnlyTheNewStepOnce()
    {
        Fixture.Database.EnsureInitialized();
        Fixture.Database.Dispose();
        var next = Migrations.All[^1].Version + 1;
        IReadOnlyList<Migration> extended = [.. Migrations.All, new Migration(next, "probe", "CREATE TABLE probe (id INTEGER PRIMARY KEY);")];

        var first = Fixture.OpenDatabase(extended);
        first.EnsureInitialized();
        first.Dispose();
        var second = Fixture.OpenDatabase(extended);
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
        Fixture.Database.EnsureInitialized();
        Fixture.Database.Dispose();
        var older = Fixture.OpenDatabase(Migrations.All.Take(1).ToList());

        var error = Should.Throw<InvalidOperationException>(older.EnsureInitialized);

        error.Message.ShouldContain("newer than this build knows");
    }

    [Fact]
    public async Task EnsureInitialized_ManyThreadsAtOnce_MigratesOnce()
    {
        var sut = Fixture.Database;

        var states = await Racers.RunAsync(16, _ =>
        {
            using var connection = sut.OpenRead();
            return Task.FromResult(connection.State);
        });

        states.ShouldAllBe(s => s == System.Data.ConnectionState.Open);
        sut.SchemaVersion.ShouldBe(Migrations.All[^1].Version);
    }

    [Fact]
    public async Task WriteAsync_WorkThrows_RollsBackAndKeepsWorking()
    {
        var sut = Fixture.Database;

        await Should.ThrowAsync<InvalidOperationException>(() => sut.WriteAsync<int>(tx =>
        {
            tx.Command("INSERT INTO tenant_allowances VALUES ('p', 't', 5, 0);").ExecuteNonQuery();
            throw new InvalidOperationException("boom");
        }, Ct));
        await sut.WriteAsync(tx => tx.Command("INSERT INTO tenant_allowances VALUES ('p', 'u', 7, 0);").ExecuteNonQuery(), Ct);

        Fixture.Scalar("SELECT COUNT(*) FROM tenant_allowances").ShouldBe(1);
        Fixture.Scalar("SELECT daily_allowance FROM tenant_allowances").ShouldBe(7);
    }

    [Fact]
    public async Task WriteAsync_Aborted_WritesNothing()
    {
        var sut = Fixture.Database;

        var result = await sut.WriteAsync(tx =>
        {
            tx.Command("INSERT INTO tenant_allowances VALUES ('p', 't', 5, 0);").ExecuteNonQuery();
            tx.Abort();
            return 42;
        }, Ct);

        result.ShouldBe(42);
        Fixture.Scalar("SELECT COUNT(*) FROM tenant_allowances").ShouldBe(0);
    }

    [Fact]
    public async Task Ledger_UpdateOrDelete_IsRefused()
    {
        await Fixture.CreateLedger().GrantAsync(TestJobs.Alice, 5, "gift", Ct);

        await Should.ThrowAsync<SqliteException>(() => Fixture.Database.WriteAsync(tx => tx.Command("UPDATE ledger SET amount = 1000;").ExecuteNonQuery(), Ct));
        await Should.ThrowAsync<SqliteException>(() => Fixture.Database.WriteAsync(tx => tx.Command("DELETE FROM ledger;").ExecuteNonQuery(), Ct));

        Fixture.Scalar("SELECT SUM(amount) FROM ledger").ShouldBe(55);
    }

    private string Query(string sql)
    {
        using var connection = Fixture.Database.OpenRead();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)command.ExecuteScalar()!;
    }
}
