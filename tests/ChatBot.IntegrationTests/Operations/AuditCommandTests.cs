using ChatBot.IntegrationTests.TestSupport;
using Microsoft.Data.Sqlite;

namespace ChatBot.IntegrationTests.Operations;

/// <summary><c>audit</c> on the SQLite store: a store the bot wrote is clean; a ledger row written by hand is drift that names its account.</summary>
public sealed class AuditCommandTests
{
    [Fact]
    public async Task Audit_StoreWithHistory_ExitsZeroWithTheFigures()
    {
        using var data = new TempDirectory();
        await WriteHistoryAsync(data);

        var run = await OperatorRun.RunAsync(["audit", .. OperatorRun.Settings(Store(data))]);

        run.ExitCode.ShouldBe(0, run.Output + run.Error);
        run.Json.GetProperty("isClean").GetBoolean().ShouldBeTrue();
        run.Json.GetProperty("jobs").GetInt64().ShouldBe(1);
        run.Json.GetProperty("balances").GetInt64().ShouldBe(run.Json.GetProperty("ledgerSum").GetInt64());
        run.Json.GetProperty("store").GetString()!.ShouldStartWith("SQLite ");
    }

    [Fact]
    public async Task Audit_HandBrokenLedgerRow_ExitsOneNamingTheAccount()
    {
        using var data = new TempDirectory();
        await WriteHistoryAsync(data);
        using (var connection = new SqliteConnection($"Data Source={data.File("chatbot.db")};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO ledger (account_id, kind, amount, reason, at) SELECT id, 'grant', 5, 'by hand', 0 FROM accounts WHERE user_id = 'alice';";
            command.ExecuteNonQuery().ShouldBe(1);
        }

        var run = await OperatorRun.RunAsync(["audit", .. OperatorRun.Settings(Store(data))]);

        run.ExitCode.ShouldBe(1, run.Output + run.Error);
        var drift = run.Json.GetProperty("unbalancedAccounts").EnumerateArray().ShouldHaveSingleItem();
        drift.GetProperty("account").GetString().ShouldBe("playground/playground/alice");
        (drift.GetProperty("ledgerSum").GetInt64() - drift.GetProperty("balance").GetInt64()).ShouldBe(5);
    }

    [Fact]
    public async Task Audit_NoDatabase_ExitsTwoNamingTheSetting()
    {
        using var data = new TempDirectory();

        var run = await OperatorRun.RunAsync(["audit", .. OperatorRun.Settings(Store(data))]);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("Storage:DatabasePath");
    }

    private static Dictionary<string, string?> Store(TempDirectory data) => new()
    {
        ["Storage:DatabasePath"] = data.File("chatbot.db"),
        ["Storage:MediaPath"] = data.File("media"),
    };

    private static async Task WriteHistoryAsync(TempDirectory data)
    {
        await using var host = await RunningHost.StartAsync(Store(data));
        (await host.Client.RunAsync("alice", "/imagine a lighthouse at dusk")).Status.ShouldBe("succeeded");
    }
}
