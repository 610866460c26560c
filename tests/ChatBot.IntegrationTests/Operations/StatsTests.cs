using ChatBot.IntegrationTests.TestSupport;

namespace ChatBot.IntegrationTests.Operations;

/// <summary><c>/stats</c> on the whole host (Playground, SQLite, local provider): its figures are the ledger's.</summary>
public sealed class StatsTests : IAsyncLifetime
{
    private RunningHost _host = null!;

    public async Task InitializeAsync() => _host = await RunningHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Stats_AfterJobs_FiguresMatchTheLedger()
    {
        using var timeout = TestTimeout.Start();
        await using var events = await _host.Client.OpenEventsAsync(timeout.Token);

        // Alice is seen first, so she is the Playground's admin.
        foreach (var (user, prompt) in new[] { ("alice", "a lighthouse"), ("alice", "a harbour --n 2"), ("bob", "a fox") })
        {
            var reply = await _host.Client.PostAsync(user, "/imagine " + prompt);
            (await events.WaitForFinalAsync(reply, timeout.Token)).Status.ShouldBe("succeeded");
        }

        await _host.Client.SettledCreditsAsync("alice", timeout.Token);
        await _host.Client.SettledCreditsAsync("bob", timeout.Token);
        var audit = new LedgerAudit(_host.DatabasePath);
        var total = audit.JobSpend();
        total.ShouldBeGreaterThan(0);

        var stats = await _host.Client.GetAsync(await _host.Client.PostAsync("alice", "/stats 0"));

        stats.Status.ShouldBe("succeeded", stats.Text);
        stats.Text.ShouldContain($"Today: 3 jobs, {total} credits, 0 failed");
        stats.Text.ShouldContain($"Last 30 days: 3 jobs, {total} credits, 0 failed");
        stats.Text.ShouldContain($"alice: 2 jobs, {audit.JobSpend("alice")} credits, 0 failed");
        stats.Text.ShouldContain($"bob: 1 jobs, {audit.JobSpend("bob")} credits, 0 failed");
        stats.Text.ShouldContain($"local: 3 jobs, {total} credits, 0 failed");
        stats.Text.ShouldContain($"2 of 2 active members spent more on 2 member-days of the last 30 ({total} credits above it");
    }

    [Fact]
    public async Task Stats_NotAnAdmin_RefusedPrivately()
    {
        await _host.Client.CreditsAsync("alice");

        var stats = await _host.Client.GetAsync(await _host.Client.PostAsync("bob", "/stats"));

        stats.Status.ShouldBe("refused");
        stats.Text.ShouldContain("Only admins");
    }
}
