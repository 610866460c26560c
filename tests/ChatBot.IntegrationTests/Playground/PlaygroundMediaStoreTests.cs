using ChatBot.Emulators.Providers;
using ChatBot.IntegrationTests.TestSupport;
using ChatBot.Storage.Media;

namespace ChatBot.IntegrationTests.Playground;

/// <summary>Issue 13 point 6: the media store keeps only what accepted commands need, once, within a quota.</summary>
public sealed class PlaygroundMediaStoreTests
{
    [Fact]
    public async Task PostMessage_RefusedOrFilelessCommandWithAttachments_StoresNothing()
    {
        await using var host = await RunningHost.StartAsync();
        var picture = TestMedia.Png(64, 64);
        (string, byte[])[] four = [("a.png", picture), ("b.png", picture), ("c.png", picture), ("d.png", picture)];

        var help = await host.Client.GetAsync(await host.Client.PostAsync("mallory", "/help", four));
        var refused = await host.Client.GetAsync(await host.Client.PostAsync("mallory", "/imagine x --n 1000", four));

        help.Status.ShouldBe("succeeded");
        refused.Status.ShouldBe("refused");
        StoredFiles(host).ShouldBeEmpty();
    }

    [Fact]
    public async Task Upscale_AcceptedAttachment_IsStoredOnce()
    {
        using var timeout = TestTimeout.Start();
        await using var host = await RunningHost.StartAsync();
        await using var events = await host.Client.OpenEventsAsync(timeout.Token);

        var result = await events.WaitForFinalAsync(await host.Client.PostAsync("alice", "/upscale", ("small.png", TestMedia.Png(32, 32))), timeout.Token);

        result.Status.ShouldBe("succeeded", result.Text);
        StoredFiles(host).Count.ShouldBe(1 + result.Media.Count, "the input once, and the result");
    }

    [Fact]
    public async Task Sweep_OverTheQuota_EvictsOldResults_AndTheirButtonsSayThePictureHasExpired()
    {
        using var timeout = TestTimeout.Start();
        await using var host = await RunningHost.StartAsync(new Dictionary<string, string?> { ["Storage:MaxMediaStoreBytes"] = "1" });
        await using var events = await host.Client.OpenEventsAsync(timeout.Token);
        var result = await events.WaitForFinalAsync(await host.Client.PostAsync("alice", "/imagine a lighthouse at dusk"), timeout.Token);
        result.Status.ShouldBe("succeeded", result.Text);
        await host.Client.SettledCreditsAsync("alice", timeout.Token); // the job is recorded as finished: nothing protects its files

        var (_, evicted) = await host.GetService<MediaJanitor>().SweepAsync(timeout.Token);
        var pressed = await host.Client.GetAsync(await host.Client.PressAsync(result.ReplyId, result.Buttons.First(b => b.Action == "Upscale").Id, "alice"));

        evicted.ShouldBeGreaterThan(0);
        StoredFiles(host).ShouldBeEmpty();
        pressed.Status.ShouldBe("refused");
        pressed.Text.ShouldContain("That picture has expired");
    }

    [Fact]
    public async Task Sweep_FileNoJobRefersTo_IsCollected_AndAJobsFilesStay()
    {
        using var timeout = TestTimeout.Start();
        await using var host = await RunningHost.StartAsync(new Dictionary<string, string?> { ["Storage:OrphanMediaAge"] = "00:00:00" });
        await using var events = await host.Client.OpenEventsAsync(timeout.Token);
        var result = await events.WaitForFinalAsync(await host.Client.PostAsync("alice", "/imagine a lighthouse at dusk"), timeout.Token);
        using var orphan = new MemoryStream(TestMedia.Png(8, 8));
        await host.GetService<ChatBot.Core.Media.IMediaStore>().SaveAsync(orphan, "image/png", "left-behind.png", 8, 8, timeout.Token);
        Directory.CreateDirectory(Path.Combine(host.MediaPath, "ab"));
        await File.WriteAllBytesAsync(Path.Combine(host.MediaPath, "ab", "abababababababababababab.png"), [1, 2, 3], timeout.Token);

        var (orphans, evicted) = await host.GetService<MediaJanitor>().SweepAsync(timeout.Token);

        // The two planted files, and the job's progress previews, which no job refers to either.
        orphans.ShouldBeGreaterThanOrEqualTo(2);
        evicted.ShouldBe(0);
        StoredFiles(host).Count.ShouldBe(result.Media.Count, "the result stays");
    }

    private static List<string> StoredFiles(RunningHost host) =>
        Directory.Exists(host.MediaPath)
            ? [.. Directory.EnumerateDirectories(host.MediaPath).Where(d => !Path.GetFileName(d).StartsWith('.')).SelectMany(Directory.EnumerateFiles)]
            : [];
}
