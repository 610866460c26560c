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

    /// <summary>
    /// Issue 10 point 8: FLUX on Blackwave (quoted 4) answers 429, so Grok Imagine on AetherWave runs it, which costs 5 per its
    /// document. The rule: never more than quoted; the final reply says why another provider ran it and what it cost there.
    /// </summary>
    [Fact]
    public async Task Imagine_FallbackToAPricierProvider_ChargesTheQuoteAndTheResultSaysWhy()
    {
        await using var blackwave = new BlackwaveEmulator();
        await using var aetherWave = new AetherWaveEmulator();
        await blackwave.StartAsync();
        await aetherWave.StartAsync();
        blackwave.Faults.Scope = FaultScope.Submit;
        blackwave.Faults.RateLimits = 1000;
        blackwave.Faults.RetryAfterSeconds = 0;
        await using var host = await RunningHost.StartAsync(new Dictionary<string, string?>
        {
            ["Providers:Blackwave:BaseUrl"] = blackwave.BaseUrl.ToString(),
            ["Providers:Blackwave:ApiKey"] = blackwave.ApiKey,
            ["Providers:Blackwave:RetryDelay"] = "00:00:00.010",
            ["Providers:AetherWave:BaseUrl"] = aetherWave.BaseUrl.ToString(),
            ["Providers:AetherWave:ApiKey"] = aetherWave.ApiKey,
        });
        using var timeout = TestTimeout.Start();
        var before = await host.Client.CreditsAsync("carol");
        await using var events = await host.Client.OpenEventsAsync(timeout.Token);

        var final = await events.WaitForFinalAsync(await host.Client.PostAsync("carol", "/imagine a fox --model FLUX-Devfp32"), timeout.Token);

        final.Status.ShouldBe("succeeded", final.Text);
        aetherWave.LastSubmit!.Field("model").ShouldBe("grok-imagine-t2i");
        final.Text.ShouldContain("Blackwave Studio could not take the job (it is rate-limiting the bot), so AetherWave Studio runs it with `grok-imagine-t2i`.");
        final.Text.ShouldContain("It costs 5 credits on AetherWave Studio; you pay the 4 credits you were quoted.");
        (before - await host.Client.SettledCreditsAsync("carol", timeout.Token)).ShouldBe(4);
    }
}
