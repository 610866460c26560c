using ChatBot.IntegrationTests.TestSupport;
using ChatBot.Providers.Tests.Local;

namespace ChatBot.IntegrationTests.Providers;

/// <summary>
/// Issue 13 points 4 and 5 end to end, with the real ffmpeg and SkiaSharp: a file whose header claims a tiny
/// picture around a large one ends its job with a message, and the one provider slot is free for the next job.
/// </summary>
public sealed class LocalHostileInputTests
{
    [Theory]
    [InlineData("/video", "canvas.webp", "webp")]
    [InlineData("/upscale", "twice.png", "png")]
    public async Task LyingHeader_OneProviderSlot_JobEndsWithAMessageAndTheNextJobRuns(string command, string fileName, string kind)
    {
        using var timeout = TestTimeout.Start(120);
        await using var host = await RunningHost.StartAsync(new Dictionary<string, string?> { ["Scheduler:DefaultProviderConcurrency"] = "1" });
        await using var events = await host.Client.OpenEventsAsync(timeout.Token);
        var file = kind == "webp" ? HostileImages.WebPClaimingOnePixel(2000) : HostileImages.PngWithSecondIhdr(1, 8000);
        var before = await host.Client.CreditsAsync("alice");

        var hostile = await host.Client.PostAsync("alice", command, (fileName, file));
        var next = await host.Client.PostAsync("bob", "/imagine a quiet harbour");

        var ended = await events.WaitForFinalAsync(hostile, timeout.Token);
        ended.Status.ShouldBeOneOf("refused", "failed");
        ended.Text.ShouldContain("could not be read");
        (await events.WaitForFinalAsync(next, timeout.Token)).Status.ShouldBe("succeeded");
        (await host.Client.SettledCreditsAsync("alice", timeout.Token)).ShouldBe(before);
    }
}
