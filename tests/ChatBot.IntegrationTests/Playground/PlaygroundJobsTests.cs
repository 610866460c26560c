using ChatBot.IntegrationTests.TestSupport;

namespace ChatBot.IntegrationTests.Playground;

/// <summary>/jobs in the Playground: the running job's Cancel button is in the reply and pressing it cancels the job.</summary>
public sealed class PlaygroundJobsTests
{
    [Fact]
    public async Task Jobs_WhileAJobRuns_ListsACancelButtonThatCancelsItAndReturnsTheCredits()
    {
        await using var host = await RunningHost.StartAsync(new Dictionary<string, string?>
        {
            ["Providers:Local:PassDelay"] = "00:00:05",
        });
        using var timeout = TestTimeout.Start();
        await using var events = await host.Client.OpenEventsAsync(timeout.Token);
        var before = await host.Client.CreditsAsync("alice");

        var job = await host.Client.PostAsync("alice", "/imagine a slow lighthouse");
        var jobId = (await host.Client.GetAsync(job)).JobId;
        jobId.ShouldNotBeNullOrEmpty();
        var jobs = await host.Client.GetAsync(await host.Client.PostAsync("alice", "/jobs"));

        jobs.Status.ShouldBe("succeeded", jobs.Text);
        var cancel = jobs.Buttons.ShouldHaveSingleItem();
        cancel.Action.ShouldBe("Cancel");
        cancel.Label.ShouldContain("a slow lighthouse");

        var pressed = await host.Client.PressAsync(jobs.ReplyId, cancel.Id, "alice");
        var final = await events.WaitForFinalAsync(job, timeout.Token);
        final.Status.ShouldBe("cancelled", final.Text);
        (await host.Client.GetAsync(pressed)).Status.ShouldNotBe("refused");
        (await host.Client.SettledCreditsAsync("alice", timeout.Token)).ShouldBe(before);
    }
}
