using ChatBot.Emulators.Providers;
using ChatBot.IntegrationTests.TestSupport;

namespace ChatBot.IntegrationTests.Providers;

/// <summary>A remote provider without a key, or one that refuses new work, hands the job to another provider; the reply says which.</summary>
public sealed class ProviderFallbackEndToEndTests
{
    [Fact]
    public async Task Imagine_ModelOfProviderWithoutKey_RunsElsewhereAndTheReplySaysWhere()
    {
        await using var blackwave = new BlackwaveEmulator();
        await blackwave.StartAsync();
        await using var host = await RunningHost.StartAsync(new Dictionary<string, string?>
        {
            ["Providers:Blackwave:BaseUrl"] = blackwave.BaseUrl.ToString(),
            ["Providers:Blackwave:ApiKey"] = blackwave.ApiKey,
        });
        using var timeout = TestTimeout.Start();
        await using var events = await host.Client.OpenEventsAsync(timeout.Token);

        var replyId = await host.Client.PostAsync("alice", "/imagine a fox --model imagen-4");
        var final = await events.WaitForFinalAsync(replyId, timeout.Token);

        final.Status.ShouldBe("succeeded", final.Text);
        var label = await host.Client.ModelLabelAsync(replyId);
        label.ShouldNotContain("AetherWave");
        events.Seen.Where(r => r.ReplyId == replyId).ShouldContain(r => r.Text.Contains("AetherWave Studio is unavailable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Imagine_ProviderAnswers503ToEverySubmit_FallsBackWithoutASecondJob()
    {
        await using var aetherWave = new AetherWaveEmulator();
        await aetherWave.StartAsync();
        aetherWave.Faults.Scope = FaultScope.Submit;
        aetherWave.Faults.Unavailable = 1000;
        aetherWave.Faults.RetryAfterSeconds = 0;
        await using var host = await RunningHost.StartAsync(new Dictionary<string, string?>
        {
            ["Providers:AetherWave:BaseUrl"] = aetherWave.BaseUrl.ToString(),
            ["Providers:AetherWave:ApiKey"] = aetherWave.ApiKey,
            ["Providers:AetherWave:RetryDelay"] = "00:00:00.010",
        });
        using var timeout = TestTimeout.Start();
        await using var events = await host.Client.OpenEventsAsync(timeout.Token);

        var replyId = await host.Client.PostAsync("bob", "/imagine a fox --model imagen-4");
        var final = await events.WaitForFinalAsync(replyId, timeout.Token);

        final.Status.ShouldBe("succeeded", final.Text);
        (await host.Client.ModelLabelAsync(replyId)).ShouldNotContain("AetherWave");
        final.Text.ShouldContain("AetherWave Studio could not take the job");
        aetherWave.SubmitCount.ShouldBe(0);
        var audit = new LedgerAudit(host.DatabasePath);
        audit.NonTerminalJobs().ShouldBeEmpty();
        audit.UnsettledJobs().ShouldBeEmpty();
    }
}
