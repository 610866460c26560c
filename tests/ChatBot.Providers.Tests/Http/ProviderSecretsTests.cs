
namespace ChatBot.Providers.Tests.Http;

/// <summary>Keys travel to the provider and nowhere else: not in logs (even at Trace), not in errors.</summary>
public sealed class ProviderSecretsTests
{
    [Fact]
    public async Task RunAndFail_TraceLogging_NeverLogsTheKey()
    {
        await using var aetherWave = new AetherWaveEmulator { ApiKey = "aw-secret-7f3a" };
        await using var blackwave = new BlackwaveEmulator { ApiKey = "bw-secret-91c2" };
        await aetherWave.StartAsync();
        await blackwave.StartAsync();
        var logs = new CapturingLoggerProvider();
        await using var harness = Create(ProviderNames.AetherWaveSection, aetherWave.BaseUrl, aetherWave.ApiKey, s =>
        {
            s["Providers:Blackwave:BaseUrl"] = blackwave.BaseUrl.ToString();
            s["Providers:Blackwave:ApiKey"] = blackwave.ApiKey;
        }, logs);

        await RunAsync(harness.Provider(ProviderNames.AetherWave), Request(MediaOperation.Imagine, ProviderNames.AetherWave, "imagen-4", new CommandOptions { Prompt = "fox" }));
        await RunAsync(harness.Provider(ProviderNames.Blackwave), Request(MediaOperation.Imagine, ProviderNames.Blackwave, "FLUX-Devfp32", new CommandOptions { Prompt = "fox" }));
        blackwave.Faults.SubmitErrorCode = "invalid_token";
        var e = await Should.ThrowAsync<ProviderException>(() => harness.Provider(ProviderNames.Blackwave).SubmitAsync(Request(MediaOperation.Imagine, ProviderNames.Blackwave, "FLUX-Devfp32", new CommandOptions { Prompt = "fox" }), CancellationToken.None));

        logs.Lines.ShouldNotBeEmpty();
        logs.Lines.ShouldAllBe(line => !line.Contains("aw-secret-7f3a") && !line.Contains("bw-secret-91c2"));
        e.ToString().ShouldNotContain("bw-secret-91c2");
    }
}
