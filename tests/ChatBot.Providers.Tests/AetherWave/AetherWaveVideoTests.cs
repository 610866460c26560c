namespace ChatBot.Providers.Tests.AetherWave;

/// <summary>Every Video Studio operation of document 003, over HTTP against its emulator.</summary>
public sealed class AetherWaveVideoTests() : ProviderTestBase<AetherWaveEmulator>(ProviderNames.AetherWaveSection, ProviderNames.AetherWave)
{
    [Fact]
    public async Task Video_SynchronousModel_ReturnsVideoAtOnce()
    {
        var request = Request(MediaOperation.Video, ProviderNames.AetherWave, "seedance-lite-i2v", new CommandOptions { Prompt = "breathing", DurationSeconds = 5, Resolution = "720p" }, Input(MediaRole.Image, TestMedia.Png()));

        var submission = await Sut.SubmitAsync(request, CancellationToken.None);

        var done = submission.ImmediateResult.ShouldBeOfType<ProviderUpdate.Succeeded>();
        done.ProviderCost.ShouldBe(15m);
        var updates = await FollowAsync(Sut, request, submission);
        updates.ShouldHaveSingleItem().ShouldBe(done);
        MediaSniffer.Sniff(await ReadAsync(done.Outputs[0]))!.Kind.ShouldBe(MediaKind.Video);
        Emulator.LastSubmit!.Field("duration").ShouldBe("5");
        Emulator.LastSubmit!.Field("resolution").ShouldBe("720p");
    }

    [Fact]
    public async Task Video_SeedanceLiteI2VFiveSecondsAt480p_IsTheDocumentsFreePerk()
    {
        var request = Request(MediaOperation.Video, ProviderNames.AetherWave, "seedance-lite-i2v", new CommandOptions { Prompt = "breathing", DurationSeconds = 5, Resolution = "480P" }, Input(MediaRole.Image, TestMedia.Png()));

        var submission = await Sut.SubmitAsync(request, CancellationToken.None);

        submission.ImmediateResult.ShouldBeOfType<ProviderUpdate.Succeeded>().ProviderCost.ShouldBe(0m);
        Emulator.LastSubmit!.Field("resolution").ShouldBe("480p");
    }

    [Fact]
    public async Task Video_KlingWithEveryParameter_SendsThemAndPollsToTheResult()
    {
        var options = new CommandOptions
        {
            Prompt = "a phoenix",
            NegativePrompt = "blur",
            DurationSeconds = 10,
            AspectRatio = "9:16",
            Resolution = "1080p",
            Seed = 7,
            Extra = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["cfg"] = "0.5", ["audio"] = "true", ["expand"] = "true" },
        };

        var updates = await RunAsync(Sut, Request(MediaOperation.Video, ProviderNames.AetherWave, "kling-2.6-t2v", options));

        var sent = Emulator.LastSubmit!;
        sent.Path.ShouldBe("/api/generate-video");
        sent.Field("model").ShouldBe("kling-2.6-t2v");
        sent.Field("negativePrompt").ShouldBe("blur");
        sent.Field("cfgScale").ShouldBe("0.5");
        sent.Field("withAudio").ShouldBe("true");
        sent.Field("duration").ShouldBe("10");
        sent.Field("aspectRatio").ShouldBe("9:16");
        sent.Field("seed").ShouldBe("7");
        sent.Json!.ContainsKey("enablePromptExpansion").ShouldBeFalse(); // Wan models only
        updates.ShouldContain(u => u is ProviderUpdate.Running);
        updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>().ProviderCost.ShouldBe(308m);
    }

    [Fact]
    public async Task Video_NonKlingModel_DoesNotSendKlingOnlyFields()
    {
        await RunAsync(Sut, Request(MediaOperation.Video, ProviderNames.AetherWave, "wan-2.5-t2v", new CommandOptions { Prompt = "city", NegativePrompt = "rain" }));

        Emulator.LastSubmit!.Json!.ContainsKey("negativePrompt").ShouldBeFalse();
    }

    [Fact]
    public async Task Video_T2vModelWithFirstAndLastFrame_SwitchesToI2vAndSendsBothFrames()
    {
        var request = Request(MediaOperation.Video, ProviderNames.AetherWave, "seedance-pro-t2v", new CommandOptions { Prompt = "push in", DurationSeconds = 4 }, Input(MediaRole.Image, TestMedia.Png()), Input(MediaRole.LastFrame, TestMedia.Png(4, 4), fileName: "last.png"));

        var updates = await RunAsync(Sut, request);

        var sent = Emulator.LastSubmit!;
        sent.Field("model").ShouldBe("seedance-pro-i2v");
        sent.Field("imageData")!.ShouldStartWith("data:image/png;base64,");
        sent.Field("endImageData")!.ShouldStartWith("data:image/png;base64,");
        updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>();
    }

    [Fact]
    public async Task LipSync_ImageAndAudio_SendsBoth()
    {
        var request = Request(MediaOperation.LipSync, ProviderNames.AetherWave, "infinitalk", new CommandOptions { DurationSeconds = 10, Resolution = "720p" }, Input(MediaRole.Image, TestMedia.Png()), Input(MediaRole.Audio, TestMedia.Mp3(), "audio/mpeg", "speech.mp3"));

        var updates = await RunAsync(Sut, request);

        var sent = Emulator.LastSubmit!;
        sent.Field("audioData")!.ShouldStartWith("data:audio/mpeg;base64,");
        sent.Field("imageData")!.ShouldStartWith("data:image/png;base64,");
        updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>().ProviderCost.ShouldBe(50m);
    }

    [Fact]
    public async Task Storyboard_ShotsInPrompt_SendsStoryboardArray()
    {
        var request = Request(MediaOperation.Storyboard, ProviderNames.AetherWave, "sora-2-pro-storyboard", new CommandOptions { Prompt = "desert highway::5 | hands on wheel::3 | mountains ahead", DurationSeconds = 15, AspectRatio = "16:9" });

        var updates = await RunAsync(Sut, request);

        var shots = Emulator.LastSubmit!.Json!["storyboard"]!.AsArray();
        shots.Count.ShouldBe(3);
        shots[0]!["description"]!.ToString().ShouldBe("desert highway");
        shots[0]!["duration"]!.GetValue<int>().ShouldBe(5);
        shots[2]!["duration"]!.GetValue<int>().ShouldBe(7);
        Emulator.LastSubmit!.Json!.ContainsKey("prompt").ShouldBeFalse();
        updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>();
    }

    [Fact]
    public async Task VideoRemoveBackground_Video_UploadsAndFollowsProgress()
    {
        var request = Request(MediaOperation.VideoRemoveBackground, ProviderNames.AetherWave, "video-remove-background", new CommandOptions(), Input(MediaRole.Video, TestMedia.Mp4(), "video/mp4", "clip.mp4"));

        var updates = await RunAsync(Sut, request);

        Emulator.LastSubmit!.Path.ShouldBe("/api/video/remove-background");
        Emulator.LastSubmit!.Files.Single().Field.ShouldBe("video");
        updates.OfType<ProviderUpdate.Running>().ShouldContain(r => r.Percent > 0);
        updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>().ProviderCost.ShouldBe(20m);
    }

    [Fact]
    public async Task Video_TaskOutlivesItsModelTimeout_FailsInsteadOfWaitingForever()
    {
        Emulator.VideoTimeoutSeconds = 1;
        Emulator.PollsBeforeDone = int.MaxValue;

        var updates = await RunAsync(Sut, Request(MediaOperation.Video, ProviderNames.AetherWave, "veo3-fast", new CommandOptions { Prompt = "x" }));

        updates[^1].ShouldBeOfType<ProviderUpdate.Failed>().Code.ShouldBe("provider_timeout");
    }

    [Fact]
    public async Task Video_TaskFails_FailsWithProviderReason()
    {
        Emulator.Faults.TaskFails = true;
        Emulator.Faults.FailureMessage = "Content policy violation";

        var updates = await RunAsync(Sut, Request(MediaOperation.Video, ProviderNames.AetherWave, "kling-2.1-pro", new CommandOptions { Prompt = "x" }, Input(MediaRole.Image, TestMedia.Png())));

        var failed = updates[^1].ShouldBeOfType<ProviderUpdate.Failed>();
        failed.UserMessage.ShouldContain("Content policy violation");
    }

    [Fact]
    public async Task Video_InputAtALinkAetherWaveCannotFetch_IsSentAgainWithTheBytes()
    {
        var image = TestMedia.Png();
        var input = new MediaInput(MediaRole.Image, new StoredMedia("k", "image/png", "in.png", image.Length) { SourceUrl = new Uri("https://cdn.discordapp.com/attachments/1/2/in.png") }, _ => Task.FromResult<Stream>(new MemoryStream(image)));
        var request = Request(MediaOperation.Video, ProviderNames.AetherWave, "seedance-lite-i2v", new CommandOptions { Prompt = "breathing", DurationSeconds = 5, Resolution = "720p" }, input);

        var submission = await Sut.SubmitAsync(request, CancellationToken.None);

        submission.ImmediateResult.ShouldBeOfType<ProviderUpdate.Succeeded>();
        var sent = Emulator.Requests.Where(r => r.Path == "/api/generate-video").ToList();
        sent.Count.ShouldBe(2);
        sent[0].Field("imageUrl").ShouldBe("https://cdn.discordapp.com/attachments/1/2/in.png");
        sent[0].Field("imageData").ShouldBeNull();
        sent[1].Field("imageUrl").ShouldBeNull();
        sent[1].Field("imageData").ShouldBe("data:image/png;base64," + Convert.ToBase64String(image));
    }

    [Fact]
    public async Task VideoUpscale_Topaz_SendsTheVideoAndItsLengthAndIsChargedPerSecond()
    {
        var request = Request(MediaOperation.VideoUpscale, ProviderNames.AetherWave, "topaz-video-upscale", new CommandOptions { DurationSeconds = 4 }, Input(MediaRole.Video, TestMedia.Mp4(), "video/mp4", "clip.mp4"));

        var updates = await RunAsync(Sut, request);

        updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>().ProviderCost.ShouldBe(48m);
        Emulator.LastSubmit!.Field("videoData").ShouldStartWith("data:video/mp4;base64,");
        Emulator.LastSubmit!.Field("duration").ShouldBe("4");
        Emulator.LastSubmit!.Field("prompt").ShouldBeNull();
    }
}
