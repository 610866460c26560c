using System.Net;
using ChatBot.Core.Jobs;
using ChatBot.IntegrationTests.TestSupport;
using ChatBot.Testing.Postgres;
using Npgsql;

namespace ChatBot.IntegrationTests.Operations;

/// <summary>The whole bot on the PostgreSQL store (<c>Storage:Provider</c> <c>Postgres</c>), its <c>audit</c>, and <c>migrate --to postgres</c>.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresHostTests(PostgresServer server)
{
    [Fact]
    public async Task Imagine_OnPostgres_RunsEndToEndAndItsButtonsWork()
    {
        var store = await PostgresStoreAsync();
        await using (var host = await RunningHost.StartAsync(store))
        {
            host.GetService<IJobStore>().GetType().Name.ShouldBe("PostgresJobStore");
            var before = await host.Client.CreditsAsync("alice");

            var result = await host.Client.RunAsync("alice", "/imagine a lighthouse at dusk");
            var pressed = await host.Client.PressToEndAsync(result.ReplyId, result.Buttons.First(b => b.Action == "Upscale").Id, "alice");

            result.Status.ShouldBe("succeeded", result.Text);
            using var image = await host.Client.Http.GetAsync(result.Media.ShouldHaveSingleItem());
            image.StatusCode.ShouldBe(HttpStatusCode.OK);
            pressed.Status.ShouldBe("succeeded", pressed.Text);
            pressed.JobId.ShouldNotBe(result.JobId);
            (await host.Client.SettledCreditsAsync("alice", CancellationToken.None)).ShouldBeLessThan(before);
        }

        var audit = await OperatorRun.RunAsync(["audit", .. OperatorRun.Settings(store)]);

        audit.ExitCode.ShouldBe(0, audit.Output + audit.Error);
        audit.Json.GetProperty("jobs").GetInt64().ShouldBe(2);
        audit.Json.GetProperty("store").GetString()!.ShouldStartWith("PostgreSQL 127.0.0.1:");
        audit.Output.ShouldNotContain("Username");
    }

    [Fact]
    public async Task Audit_OnPostgresHandBrokenLedgerRow_ExitsOneNamingTheAccount()
    {
        var store = await PostgresStoreAsync();
        await using (var host = await RunningHost.StartAsync(store))
        {
            (await host.Client.RunAsync("alice", "/imagine a lighthouse at dusk")).Status.ShouldBe("succeeded");
        }

        await using (var connection = new NpgsqlConnection(store["Storage:ConnectionString"]))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("INSERT INTO ledger (account_id, kind, amount, reason, at) SELECT id, 'grant', 5, 'by hand', 0 FROM accounts WHERE user_id = 'alice';", connection);
            (await command.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        var audit = await OperatorRun.RunAsync(["audit", .. OperatorRun.Settings(store)]);

        audit.ExitCode.ShouldBe(1, audit.Output + audit.Error);
        audit.Json.GetProperty("unbalancedAccounts").EnumerateArray().ShouldHaveSingleItem().GetProperty("account").GetString().ShouldBe("playground/playground/alice");
    }

    [Fact]
    public async Task Migrate_SqliteWithHistory_BotOnPostgresShowsTheSameCreditsAndOldButtonsWork()
    {
        using var data = new TempDirectory();
        var sqlite = new Dictionary<string, string?> { ["Storage:DatabasePath"] = data.File("chatbot.db"), ["Storage:MediaPath"] = data.File("media") };
        ReplyState old;
        string aliceCredits, bobCredits;
        await using (var host = await RunningHost.StartAsync(sqlite))
        {
            old = await host.Client.RunAsync("alice", "/imagine a lighthouse at dusk");
            (await host.Client.RunAsync("bob", "/imagine a fox in snow")).Status.ShouldBe("succeeded");
            (await host.Client.RunAsync("alice", "/credits grant @bob 7")).Status.ShouldBe("succeeded");
            aliceCredits = Movements(await host.Client.RunAsync("alice", "/credits"));
            bobCredits = Movements(await host.Client.RunAsync("bob", "/credits"));
        }

        var postgres = await PostgresStoreAsync();
        var settings = new Dictionary<string, string?>(sqlite) { ["Storage:ConnectionString"] = postgres["Storage:ConnectionString"] };

        var migrate = await OperatorRun.RunAsync(["migrate", "--to", "postgres", .. OperatorRun.Settings(settings)]);

        migrate.ExitCode.ShouldBe(0, migrate.Output + migrate.Error);
        migrate.Json.GetProperty("same").GetBoolean().ShouldBeTrue();
        migrate.Json.GetProperty("copied").GetProperty("jobs").GetInt64().ShouldBe(2);
        migrate.Json.GetProperty("postgres").GetProperty("isClean").GetBoolean().ShouldBeTrue();
        await using (var host = await RunningHost.StartAsync(new Dictionary<string, string?>(postgres) { ["Storage:MediaPath"] = sqlite["Storage:MediaPath"] }))
        {
            Movements(await host.Client.RunAsync("alice", "/credits")).ShouldBe(aliceCredits);
            Movements(await host.Client.RunAsync("bob", "/credits")).ShouldBe(bobCredits);
            var pressed = await host.Client.PressToEndAsync(old.ReplyId, old.Buttons.First(b => b.Action == "Upscale").Id, "alice");
            pressed.Status.ShouldBe("succeeded", pressed.Text);
        }

        var again = await OperatorRun.RunAsync(["migrate", "--to", "postgres", .. OperatorRun.Settings(settings)]);
        again.ExitCode.ShouldBe(2);
        again.Error.ShouldContain("already holds data");
    }

    private async Task<Dictionary<string, string?>> PostgresStoreAsync() => new()
    {
        ["Storage:Provider"] = "Postgres",
        ["Storage:ConnectionString"] = await server.CreateDatabaseAsync(),
    };

    /// <summary>The balance line and the "Last movements" of a /credits answer (not the countdown to the next top-up).</summary>
    private static string Movements(ReplyState credits)
    {
        credits.Status.ShouldBe("succeeded", credits.Text);
        return string.Join('\n', credits.Text.Split('\n').Where(line => !line.StartsWith("Daily allowance", StringComparison.Ordinal)));
    }
}
