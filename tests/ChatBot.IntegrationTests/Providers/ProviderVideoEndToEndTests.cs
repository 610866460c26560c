using ChatBot.Core.Media;
using ChatBot.Emulators.Providers;
using ChatBot.IntegrationTests.TestSupport;

namespace ChatBot.IntegrationTests.Providers;

/// <summary>
/// Issue 10, AetherWave video operations a member could not reach: upscaling a video (an attachment, or the Upscale
/// button under a video result), extending a video from its last frame (ffmpeg), and sending a result AetherWave made
/// itself as a link (<c>imageUrl</c>, <c>videoUrl</c>) instead of its bytes.
/// </summary>
public sealed class ProviderVideoEndToEndTests : RemoteProvidersHostTest
{
    [Fact]
    public async Task Upscale_VideoAttachment_RunsOnTheVideoUpscalerAndCharges14()
    {
        using var timeout = TestTimeout.Start();
        var before = await Host.Client.CreditsAsync("vup-1");

        var final = await RunAsync("vup-1", "/upscale --model grok-upscale", ("clip.mp4", TestMedia.Mp4()));

        final.Status.ShouldBe("succeeded", final.Text);
        var submit = AetherWave.LastSubmit.ShouldNotBeNull();
        submit.Path.ShouldBe("/api/generate-video");
        submit.Field("model").ShouldBe("grok-upscale");
        submit.Field("videoData").ShouldStartWith("data:video/mp4;base64,");
        (before - await Host.Client.SettledCreditsAsync("vup-1", timeout.Token)).ShouldBe(14, final.Text);
    }

    [Fact]
    public async Task UpscaleButton_UnderAVideoResult_SendsTheVideosOwnLink()
    {
        var video = await RunAsync("vup-2", "/video waves at dusk --model seedance-lite-t2v --duration 5 --res 720p");
        video.Status.ShouldBe("succeeded", video.Text);
        var upscale = video.Buttons.Single(b => b.Action == "Upscale");
        video.Buttons.ShouldContain(b => b.Action == "Extend");

        var final = await PressAsync(video, upscale.Id, "vup-2");

        final.Status.ShouldBe("succeeded", final.Text);
        var submit = AetherWave.LastSubmit.ShouldNotBeNull();
        submit.Field("model").ShouldBe("grok-upscale");
        new Uri(submit.Field("videoUrl").ShouldNotBeNull()).Authority.ShouldBe(AetherWave.BaseUrl.Authority);
        submit.Field("videoData").ShouldBeNull();
    }

    [Fact]
    public async Task Extend_VideoAttachment_SendsItsLastFrameAsTheFirstFrame()
    {
        var final = await RunAsync("ext-1", "/video the wave keeps rolling --mode extend --model seedance-lite-i2v --duration 5 --res 720p", ("clip.mp4", TestMedia.RealMp4()));

        final.Status.ShouldBe("succeeded", final.Text);
        var submit = AetherWave.LastSubmit.ShouldNotBeNull();
        submit.Field("mode").ShouldBeNull();
        var frame = Convert.FromBase64String(submit.Field("imageData").ShouldNotBeNull().Split(',')[1]);
        var sniffed = MediaSniffer.Sniff(frame).ShouldNotBeNull();
        sniffed.ContentType.ShouldBe("image/png");
        (sniffed.Width, sniffed.Height).ShouldBe((32, 32));
    }

    [Fact]
    public async Task ExtendButton_UnderAVideoResult_ContinuesFromItsLastFrame()
    {
        AetherWave.VideoBytes = TestMedia.RealMp4();
        var video = await RunAsync("ext-2", "/video waves at dusk --model seedance-lite-t2v --duration 5 --res 720p");
        video.Status.ShouldBe("succeeded", video.Text);

        var final = await PressAsync(video, video.Buttons.Single(b => b.Action == "Extend").Id, "ext-2");

        final.Status.ShouldBe("succeeded", final.Text);
        var submit = AetherWave.LastSubmit.ShouldNotBeNull();
        submit.Field("prompt").ShouldBe("waves at dusk");
        submit.Field("model").ShouldNotBeNull().ShouldEndWith("-i2v");
        MediaSniffer.Sniff(Convert.FromBase64String(submit.Field("imageData")!.Split(',')[1]))!.ContentType.ShouldBe("image/png");
    }

    [Fact]
    public async Task Extend_WithoutAVideo_IsRefusedForFree()
    {
        var before = await Host.Client.CreditsAsync("ext-3");

        var reply = await RunAsync("ext-3", "/video more waves --mode extend --model seedance-lite-i2v");

        reply.Status.ShouldBe("refused", reply.Text);
        reply.Text.ShouldContain("Attach the video to extend");
        (await Host.Client.CreditsAsync("ext-3")).ShouldBe(before);
    }

    [Fact]
    public async Task Animate_AnAetherWaveResult_SendsItsLinkInsteadOfTheBytes()
    {
        var image = await RunAsync("url-1", "/imagine a fox in the snow --model qwen-image-t2i");
        image.Status.ShouldBe("succeeded", image.Text);

        var final = await PressAsync(image, image.Buttons.Single(b => b.Action == "Animate").Id, "url-1");

        final.Status.ShouldBe("succeeded", final.Text);
        var submit = AetherWave.LastSubmit.ShouldNotBeNull();
        submit.Path.ShouldBe("/api/generate-video");
        var imageUrl = new Uri(submit.Field("imageUrl").ShouldNotBeNull());
        imageUrl.Authority.ShouldBe(AetherWave.BaseUrl.Authority);
        imageUrl.AbsolutePath.ShouldStartWith("/media/");
        submit.Field("imageData").ShouldBeNull();
    }

    private Task<ReplyState> RunAsync(string user, string command, params (string FileName, byte[] Data)[] attachments) =>
        Host.Client.RunAsync(user, command, [.. attachments.Select(a => (a.FileName, a.Data, (string?)null))]);

    private Task<ReplyState> PressAsync(ReplyState result, string buttonId, string user) =>
        Host.Client.PressToEndAsync(result.ReplyId, buttonId, user);
}
