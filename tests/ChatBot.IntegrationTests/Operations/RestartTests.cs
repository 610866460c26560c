using System.Net;
using ChatBot.IntegrationTests.TestSupport;

namespace ChatBot.IntegrationTests.Operations;

/// <summary>Kills the real host process mid-job and starts it again on the same data folder.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task KillMidJob_RestartOnSameData_EveryJobEndsOnceAndEveryReservationIsSettled()
    {
        using var data = new TempDirectory();
        using var timeout = TestTimeout.Start(240);
        var audit = new LedgerAudit(data.File("chatbot.db"));
        var replies = new List<string>();

        using (var first = await ChildHost.StartAsync(data, TimeSpan.FromSeconds(2), timeout.Token))
        {
            await using var events = await first.Client.OpenEventsAsync(timeout.Token);
            replies.Add(await first.Client.PostAsync("alice", "/imagine a lighthouse at dusk"));
            replies.Add(await first.Client.PostAsync("bob", "/imagine a harbour at night --ar 16:9"));
            replies.Add(await first.Client.PostAsync("alice", "/imagine a fox in snow"));

            // Alice's third job waits in the queue behind her two running ones.
            replies.Add(await first.Client.PostAsync("alice", "/imagine a quiet forest"));

            // Mid-job: the provider has reported real progress, and nothing has finished.
            await events.WaitForAsync(replies[0], r => r.Status == "running" && r.Progress > 0, timeout.Token);
            await first.KillAsync();
        }

        audit.JobCount().ShouldBe(replies.Count);
        audit.NonTerminalJobs().ShouldNotBeEmpty();

        using var second = await ChildHost.StartAsync(data, TimeSpan.Zero, timeout.Token);
        await using var after = await second.Client.OpenEventsAsync(timeout.Token);
        var finals = new List<ReplyState>();
        foreach (var replyId in replies)
        {
            // A reply the engine has already finished shows at once; the others are announced when they end.
            using var response = await second.Client.Http.GetAsync($"/api/playground/replies/{replyId}", timeout.Token);
            var current = response.StatusCode == HttpStatusCode.OK ? await second.Client.GetAsync(replyId) : null;
            finals.Add(current is { IsFinal: true } ? current : await after.WaitForFinalAsync(replyId, timeout.Token));
        }

        finals.ShouldAllBe(r => r.Status == "succeeded" || r.Status == "failed");
        audit.NonTerminalJobs().ShouldBeEmpty();
        audit.UnsettledJobs().ShouldBeEmpty();
        audit.UnbalancedAccounts().ShouldBeEmpty();
    }
}
