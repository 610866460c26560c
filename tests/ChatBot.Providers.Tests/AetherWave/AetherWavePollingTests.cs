
namespace ChatBot.Providers.Tests.AetherWave;

/// <summary>The document's "poll every 5 seconds", on the injected clock.</summary>
public sealed class AetherWavePollingTests
{
    [Fact]
    public async Task Track_DefaultInterval_PollsAgainOnlyAfterFiveSecondsOnTheInjectedClock()
    {
        await using var emulator = new AetherWaveEmulator { PollsBeforeDone = 1 };
        await emulator.StartAsync();
        var clock = new TimerAwareFakeTimeProvider();
        await using var harness = Create(ProviderNames.AetherWaveSection, emulator.BaseUrl, emulator.ApiKey, s =>
        {
            s.Remove("Providers:AetherWave:PollInterval"); // the default: 5 s
            s["Providers:AetherWave:AttemptTimeout"] = "00:01:00";
        }, time: clock);
        var sut = harness.Provider(ProviderNames.AetherWave);
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var request = Request(MediaOperation.Imagine, ProviderNames.AetherWave, "imagen-4", new CommandOptions { Prompt = "fox" });
        var submission = await sut.SubmitAsync(request, guard.Token);
        static bool IsStatus(RecordedRequest r) => r.Path.StartsWith("/api/generate-image/status/", StringComparison.Ordinal);

        var tracking = TrackAsync(sut, request, submission, guard.Token);
        await emulator.WaitForRequestsAsync(IsStatus, 1, guard.Token);
        while (clock.PendingDelays() is not [var delay] || delay != TimeSpan.FromSeconds(5))
        {
            await Task.Yield(); // the poller is about to start its pause
        }

        emulator.Requests.Count(IsStatus).ShouldBe(1);
        clock.Advance(TimeSpan.FromSeconds(5));
        var updates = await tracking;

        emulator.Requests.Count(IsStatus).ShouldBe(2);
        updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>();
    }
}
