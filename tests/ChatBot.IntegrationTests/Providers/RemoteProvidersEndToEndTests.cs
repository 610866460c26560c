using ChatBot.Core.Media;
using ChatBot.Emulators.Providers;
using ChatBot.IntegrationTests.TestSupport;

namespace ChatBot.IntegrationTests.Providers;

/// <summary>
/// The whole host (Playground, engine, SQLite) against the four remote providers' emulators: prompt in,
/// media out in the Playground, credits settled at the provider's actual cost; every fault ends in a
/// clear failed reply with a full refund and no stuck job.
/// </summary>
public sealed class RemoteProvidersEndToEndTests : RemoteProvidersHostTest
{
    [Theory]
    [InlineData("aw-imagine", "/imagine a fox in the snow --model qwen-image-t2i", "", 2, "AetherWave")] // quoted 6, AetherWave reports 2
    [InlineData("aw-art", "/imagine synthwave album cover --mode album-art --style digital", "", 0, "AetherWave")]
    [InlineData("aw-edit", "/edit make it night --model flux-kontext-pro", "png", 7, "AetherWave")]
    [InlineData("aw-reframe", "/edit --mode reframe --ar 16:9 --model ideogram-v3-reframe", "png", 10, "AetherWave")] // quoted 14 (QUALITY)
    [InlineData("aw-nobg", "/edit --mode remove-background --model recraft-remove-background", "png", 5, "AetherWave")]
    [InlineData("aw-enhance", "/upscale --mode enhance --model recraft-crisp-upscale", "png", 8, "AetherWave")]
    [InlineData("aw-video", "/video a phoenix rising --model kling-2.1-master-t2v --duration 5", "", 160, "AetherWave")]
    [InlineData("aw-i2v", "/video slow push-in --model seedance-lite-i2v --duration 5", "png", 15, "AetherWave")] // answered synchronously
    [InlineData("aw-lipsync", "/video --mode lipsync --model infinitalk --duration 5", "png+mp3", 25, "AetherWave")] // quoted 85
    [InlineData("aw-story", "/video desert highway::5 | hands on the wheel::5 --mode storyboard --model sora-2-pro-storyboard", "", 210, "AetherWave")] // quoted 378
    [InlineData("is-imagine", "/imagine a modern office --model imagestudio-auto --n 2 --template linkedin_post", "", 4, "ALwrity")] // quoted 16, estimate 4
    [InlineData("is-edit", "/edit a red car --op search-replace --search the blue car --model imagestudio-auto", "png", 2, "ALwrity")]
    [InlineData("is-reframe", "/edit --mode reframe --ar 16:9 --model imagestudio-auto", "png", 2, "ALwrity")]
    [InlineData("is-upscale", "/upscale --mode creative --factor 2 --model imagestudio-auto", "png", 2, "ALwrity")]
    [InlineData("is-control", "/edit a modern office --mode sketch --strength 0.7 --model imagestudio-auto", "png", 2, "ALwrity")]
    [InlineData("is-social", "/edit --mode social --platforms instagram,facebook --model imagestudio-auto", "png", 2, "ALwrity")]
    [InlineData("bw-imagine", "/imagine a cyberpunk spaceship --model FLUX-Devfp32 --cfg 7 --steps 30", "", 4, "Blackwave")] // 3.5 rounded up
    [InlineData("bw-edit", "/edit as a watercolor --strength 0.6 --model AniFlux-v4.1", "png", 4, "Blackwave")]
    [InlineData("af-imagine", "/imagine a sunset over mountains --model aetherforge-grok-imagine", "", 5, "AetherForge")] // no cost reported: the quote
    [InlineData("af-edit", "/edit the same cat at night --model aetherforge-nano-banana", "png", 6, "AetherForge")]
    public async Task Command_RemoteProvider_PostsMediaAndChargesTheActualCost(string user, string command, string attachments, long charged, string providerName)
    {
        using var timeout = TestTimeout.Start();
        var before = await Host.Client.CreditsAsync(user);
        await using var events = await Host.Client.OpenEventsAsync(timeout.Token);

        var files = attachments.Split('+', StringSplitOptions.RemoveEmptyEntries).Select(kind => kind switch
        {
            "png" => ("in.png", TestMedia.Png(40, 30)),
            "mp3" => ("speech.mp3", TestMedia.Mp3()),
            _ => ("clip.mp4", TestMedia.Mp4()),
        }).ToArray();
        var replyId = await Host.Client.PostAsync(user, command, files);
        var final = await events.WaitForFinalAsync(replyId, timeout.Token);

        final.Status.ShouldBe("succeeded", final.Text);
        final.Media.ShouldNotBeEmpty();
        using (var media = await Host.Client.Http.GetAsync(final.Media[0], timeout.Token))
        {
            var bytes = await media.Content.ReadAsByteArrayAsync(timeout.Token);
            MediaSniffer.Sniff(bytes)!.Kind.ShouldBeOneOf(MediaKind.Image, MediaKind.Video);
        }

        (await Host.Client.ModelLabelAsync(replyId)).ShouldContain(providerName);
        (before - await Host.Client.SettledCreditsAsync(user, timeout.Token)).ShouldBe(charged, final.Text);
        Audit();
    }

    [Fact]
    public async Task Upscale_AetherWaveWithAttachment_ChargesTheFactorsPrice()
    {
        using var timeout = TestTimeout.Start();
        var before = await Host.Client.CreditsAsync("aw-up");
        await using var events = await Host.Client.OpenEventsAsync(timeout.Token);

        var replyId = await Host.Client.PostAsync("aw-up", "/upscale --model topaz-upscale --factor 4", ("in.png", TestMedia.Png(32, 32)));
        var final = await events.WaitForFinalAsync(replyId, timeout.Token);

        final.Status.ShouldBe("succeeded", final.Text);
        AetherWave.LastSubmit!.Field("upscaleFactor").ShouldBe("4x");
        (before - await Host.Client.SettledCreditsAsync("aw-up", timeout.Token)).ShouldBe(20, final.Text); // quoted 40
        Audit();
    }

    [Fact]
    public async Task Imagine_BlackwaveQueue_ShowsTheProvidersQueuePosition()
    {
        using var timeout = TestTimeout.Start();
        Blackwave.QueuePosition = 3;
        await using var events = await Host.Client.OpenEventsAsync(timeout.Token);

        var replyId = await Host.Client.PostAsync("bw-queue", "/imagine a watercolor harbour --model AniFlux-v4.1");
        var final = await events.WaitForFinalAsync(replyId, timeout.Token);

        final.Status.ShouldBe("succeeded", final.Text);
        events.Seen.Where(r => r.ReplyId == replyId).ShouldContain(r => r.QueuePosition != null && r.Status == "running");
    }

    [Fact]
    public async Task Faults_EachProvider_FailClearlyRefundAndLeaveNoStuckJob()
    {
        AetherWave.Faults.TaskFails = true;
        Blackwave.Faults.StreamStopsHalfway = true;
        AetherForge.Faults.ResultNotFound = true;
        ImageStudio.Faults.Scope = FaultScope.Submit;
        ImageStudio.Faults.MalformedJson = true;

        foreach (var (user, command, phrase) in new[]
        {
            ("f-aw", "/imagine a fox --model imagen-4", "AetherWave"),
            ("f-bw", "/imagine a fox --model FLUX-Devfp32", "Blackwave"),
            ("f-af", "/imagine a fox --model aetherforge-nano-banana", "AetherForge"),
            ("f-is", "/imagine a fox --model imagestudio-ultra", "ALwrity Image Studio"),
        })
        {
            using var timeout = TestTimeout.Start();
            var before = await Host.Client.CreditsAsync(user);
            await using var events = await Host.Client.OpenEventsAsync(timeout.Token);

            var replyId = await Host.Client.PostAsync(user, command);
            var final = await events.WaitForFinalAsync(replyId, timeout.Token);

            final.Status.ShouldBe("failed", $"{command}: {final.Text}");
            final.Text.ShouldContain(phrase, Case.Insensitive, customMessage: command);
            (await Host.Client.SettledCreditsAsync(user, timeout.Token)).ShouldBe(before, command);
        }

        Audit();
        AetherWave.SubmitCount.ShouldBe(1);
        Blackwave.SubmitCount.ShouldBe(1);
    }

    private void Audit()
    {
        var audit = new LedgerAudit(Host.DatabasePath);
        audit.NonTerminalJobs().ShouldBeEmpty();
        audit.UnbalancedAccounts().ShouldBeEmpty();
        audit.UnsettledJobs().ShouldBeEmpty();
    }
}
