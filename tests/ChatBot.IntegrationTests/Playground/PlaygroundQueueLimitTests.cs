using ChatBot.IntegrationTests.TestSupport;

namespace ChatBot.IntegrationTests.Playground;

/// <summary>The per-member queue limit under concurrent commands, through the whole host and a real SQLite file.</summary>
public sealed class PlaygroundQueueLimitTests
{
    [Fact]
    public async Task Imagine_TwentyConcurrentFromOneMember_AcceptsNoMoreThanTheLimitAllows()
    {
        await using var host = await RunningHost.StartAsync(new Dictionary<string, string?>
        {
            ["Scheduler:MaxQueuedPerUser"] = "5",
            ["Scheduler:MaxRunningPerUser"] = "1",
            ["Scheduler:DefaultProviderConcurrency"] = "1",
            ["Providers:Local:PassDelay"] = "00:00:05",
        });
        (await host.Client.GetAsync(await host.Client.PostAsync("alice", "/credits grant @alice 10000"))).Status.ShouldBe("succeeded");

        var replyIds = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => host.Client.PostAsync("alice", $"/imagine lighthouse number {i}"))));
        var replies = await Task.WhenAll(replyIds.Select(host.Client.GetAsync));

        var accepted = replies.Count(r => r.Status is "queued" or "running");
        var refused = replies.Where(r => r.Status == "refused").ToList();
        refused.ShouldAllBe(r => r.Text.Contains("jobs waiting (the limit is 5)"));
        accepted.ShouldBeLessThanOrEqualTo(5 + 1, string.Join("\n", replies.Select(r => $"{r.Status}: {r.Text}")));
        (accepted + refused.Count).ShouldBe(20);
    }
}
