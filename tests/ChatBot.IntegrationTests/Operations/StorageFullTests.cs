using System.Net;
using System.Net.Http.Json;
using ChatBot.Core.Jobs;
using ChatBot.Emulators.Providers;
using ChatBot.IntegrationTests.TestSupport;

namespace ChatBot.IntegrationTests.Operations;

/// <summary>Issue 13 point 8: a job whose refund cannot be written (database full) must not stay running until a restart.</summary>
public sealed class StorageFullTests
{
    [Fact]
    public async Task FailingJob_RefundCannotBeWritten_HealthIsRedCommandsAreRefused_AndTheJobEndsOnceThereIsRoom()
    {
        using var timeout = TestTimeout.Start(120);
        await using var host = await RunningHost.StartAsync(
            new Dictionary<string, string?> { ["Scheduler:StorageRetryInterval"] = "00:00:00.050" },
            FullDiskJobStore.Wrap);
        var store = (FullDiskJobStore)host.GetService<IJobStore>();
        var audit = new LedgerAudit(host.DatabasePath);
        var before = await host.Client.CreditsAsync("alice");
        await using var events = await host.Client.OpenEventsAsync(timeout.Token);
        store.Full = true;

        // An image whose header is fine but whose data is damaged: intake takes it, the provider fails the job.
        var damaged = TestMedia.Png(16, 16);
        damaged[^20] ^= 0xFF;
        var failing = await host.Client.PostAsync("alice", "/upscale", ("damaged.png", damaged));

        // The first ending was refused, and the engine has already come back to try it again.
        await store.WaitForRefusedEndingsAsync(2, timeout.Token);
        audit.NonTerminalJobs().ShouldHaveSingleItem();
        using (var health = await host.Client.Http.GetAsync("/healthz", timeout.Token))
        {
            health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await health.Content.ReadFromJsonAsync<Health>(timeout.Token))!.Storage.ShouldBe("full");
        }

        var refused = await host.Client.GetAsync(await host.Client.PostAsync("bob", "/imagine a fox"));
        refused.Status.ShouldBe("refused");
        refused.Text.ShouldContain("storage is full");

        // Room again: the job ends (refunded) without a restart, and the bot takes commands.
        store.Full = false;
        var ended = await events.WaitForFinalAsync(failing, timeout.Token);
        ended.Status.ShouldBe("failed");
        audit.NonTerminalJobs().ShouldBeEmpty();
        audit.UnsettledJobs().ShouldBeEmpty();
        audit.UnbalancedAccounts().ShouldBeEmpty();
        (await host.Client.CreditsAsync("alice")).ShouldBe(before);
        using (var health = await host.Client.Http.GetAsync("/healthz", timeout.Token))
        {
            health.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var accepted = await host.Client.GetAsync(await host.Client.PostAsync("bob", "/imagine a fox"));
        accepted.Status.ShouldNotBe("refused", accepted.Text);
    }

    private sealed record Health(string Status, string Storage);
}
