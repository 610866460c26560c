namespace ChatBot.Providers.Tests.Blackwave;

/// <summary>Blackwave (document 002) over HTTP against its emulator: modes, streaming, error codes, faults.</summary>
public sealed class BlackwaveProviderTests() : ProviderTestBase<BlackwaveEmulator>(ProviderNames.BlackwaveSection, ProviderNames.Blackwave)
{
    [Fact]
    public async Task Imagine_AllOptions_SendsTokenInBodyAndStreamsQueueToResult()
    {
        var options = new CommandOptions
        {
            Prompt = "cyberpunk spaceship",
            NegativePrompt = "blur",
            AspectRatio = "16:9",
            Seed = 5,
            Extra = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["sampler"] = "DPM++ 2M", ["cfg"] = "9.5", ["steps"] = "30", ["loras"] = "detail-tweaker:0.8, anime-lineart" },
        };

        var updates = await RunAsync(CreateSut(), Request(MediaOperation.Imagine, ProviderNames.Blackwave, "AniFlux-v4.1", options));

        var sent = Emulator.LastSubmit!;
        sent.Path.ShouldBe("/api/v1/generate");
        sent.Headers.ContainsKey("Authorization").ShouldBeFalse();
        sent.Field("token").ShouldBe(Emulator.ApiKey);
        sent.Field("model").ShouldBe("AniFlux-v4.1");
        sent.Field("negative_prompt").ShouldBe("blur");
        sent.Field("width").ShouldBe("1024");
        sent.Field("height").ShouldBe("576");
        sent.Field("sampler").ShouldBe("DPM++ 2M");
        sent.Field("cfg_scale").ShouldBe("9.5");
        sent.Field("steps").ShouldBe("30");
        sent.Field("seed").ShouldBe("5");
        sent.Field("stream").ShouldBe("true");
        sent.Field("response_type").ShouldBe("url");
        sent.Field("nsfw_filter").ShouldBe("true");
        sent.Json!["loras"]!["detail-tweaker"]!.GetValue<double>().ShouldBe(0.8);
        sent.Json!["loras"]!["anime-lineart"]!.GetValue<double>().ShouldBe(1.0);

        updates.OfType<ProviderUpdate.Queued>().ShouldBe([new ProviderUpdate.Queued(2, 10), new ProviderUpdate.Queued(1, 10)]);
        updates.ShouldContain(u => u is ProviderUpdate.Running);
        var done = updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>();
        done.ProviderCost.ShouldBe(3.5m);
        MediaSniffer.Sniff(await ReadAsync(done.Outputs.Single()))!.ContentType.ShouldBe("image/png");
    }

    [Fact]
    public async Task Imagine_NsfwChannel_TurnsTheFilterOff()
    {
        var request = Request(MediaOperation.Imagine, ProviderNames.Blackwave, "FLUX-Devfp32", new CommandOptions { Prompt = "nsfw art" }) with { AllowNsfw = true };

        var updates = await RunAsync(CreateSut(), request);

        Emulator.LastSubmit!.Field("nsfw_filter").ShouldBe("false");
        updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>();
    }

    [Fact]
    public async Task Imagine_NsfwPromptInNormalChannel_FailsWithNsfwMessage()
    {
        var e = await Should.ThrowAsync<ProviderException>(() => CreateSut().SubmitAsync(Request(MediaOperation.Imagine, ProviderNames.Blackwave, "FLUX-Devfp32", new CommandOptions { Prompt = "nsfw art" }), CancellationToken.None));

        e.Code.ShouldBe("nsfw_detected");
        e.Message.ShouldContain("NSFW");
    }

    [Fact]
    public async Task Edit_Img2Img_SendsBareBase64AndDenoisingStrength()
    {
        var png = TestMedia.Png(600, 400);
        var updates = await RunAsync(CreateSut(), Request(MediaOperation.Edit, ProviderNames.Blackwave, "AniFlux-v4.1", new CommandOptions { Prompt = "watercolor", Strength = 0.6 }, Input(MediaRole.Image, png)));

        var sent = Emulator.LastSubmit!;
        sent.Field("init_image").ShouldBe(Convert.ToBase64String(png));
        sent.Field("denoising_strength").ShouldBe("0.6");
        sent.Field("width").ShouldBe("1024");
        sent.Field("height").ShouldBe("680");
        sent.Json!.ContainsKey("mask_image").ShouldBeFalse();
        updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>();
    }

    [Fact]
    public async Task Inpaint_JpegMaskOfSameSize_IsSentAsIs()
    {
        var mask = TestMedia.Jpeg(8, 8);
        var updates = await RunAsync(CreateSut(), Request(MediaOperation.Inpaint, ProviderNames.Blackwave, "AniFlux-v4.1", new CommandOptions { Prompt = "mountains" }, Input(MediaRole.Image, TestMedia.Png(8, 8)), Input(MediaRole.Mask, mask, "image/jpeg", "mask.jpg")));

        Emulator.LastSubmit!.Field("mask_image").ShouldBe(Convert.ToBase64String(mask));
        Emulator.LastSubmit!.Field("denoising_strength").ShouldBe("0.85");
        updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>();
    }

    [Fact]
    public async Task Inpaint_TransparentPngMask_IsConvertedToJpegOfTheImageSize()
    {
        var updates = await RunAsync(CreateSut(), Request(MediaOperation.Inpaint, ProviderNames.Blackwave, "AniFlux-v4.1", new CommandOptions { Prompt = "mountains" }, Input(MediaRole.Image, TestMedia.Png(64, 48)), Input(MediaRole.Mask, TestMedia.MaskPng(32, 24), fileName: "mask.png")));

        var mask = MediaSniffer.Sniff(Convert.FromBase64String(Emulator.LastSubmit!.Field("mask_image")!))!;
        mask.ContentType.ShouldBe("image/jpeg");
        (mask.Width, mask.Height).ShouldBe((64, 48));
        updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>();
    }

    [Fact]
    public async Task Inpaint_WithoutMask_RefusesBeforeSending()
    {
        var e = await Should.ThrowAsync<ProviderException>(() => CreateSut().SubmitAsync(Request(MediaOperation.Inpaint, ProviderNames.Blackwave, "AniFlux-v4.1", new CommandOptions { Prompt = "x" }, Input(MediaRole.Image, TestMedia.Png())), CancellationToken.None));

        e.Code.ShouldBe("mask_required");
        Emulator.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("insufficient_credits", "out of credits")]
    [InlineData("nsfw_detected", "NSFW")]
    [InlineData("image_too_large", "too large")]
    [InlineData("invalid_mask", "mask")]
    [InlineData("generation_failed", "could not generate")]
    [InlineData("job_creation_failed", "could not create")]
    [InlineData("polling_failed", "lost track")]
    [InlineData("lora_mismatch", "LoRA")]
    [InlineData("model_unavailable", "not available")]
    [InlineData("invalid_token", "API key")]
    public async Task Submit_DocumentedErrorCode_ThrowsItsHumanMessage(string code, string phrase)
    {
        Emulator.Faults.SubmitErrorCode = code;

        var e = await Should.ThrowAsync<ProviderException>(() => CreateSut().SubmitAsync(Imagine(), CancellationToken.None));

        e.Message.ShouldContain(phrase);
        e.Message.ShouldNotContain(Emulator.ApiKey);
    }

    [Fact]
    public async Task Submit_UnknownLora_ThrowsLoraMismatch()
    {
        var options = new CommandOptions { Prompt = "x", Extra = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["loras"] = "sdxl-only:0.5" } };

        var e = await Should.ThrowAsync<ProviderException>(() => CreateSut().SubmitAsync(Request(MediaOperation.Imagine, ProviderNames.Blackwave, "AniFlux-v4.1", options), CancellationToken.None));

        e.Code.ShouldBe("lora_mismatch");
    }

    [Fact]
    public async Task Track_StreamStopsHalfway_FailsClearly()
    {
        Emulator.Faults.StreamStopsHalfway = true;

        var updates = await RunAsync(CreateSut(), Imagine());

        updates[^1].ShouldBeOfType<ProviderUpdate.Failed>().Code.ShouldBe("stream_interrupted");
        Emulator.SubmitCount.ShouldBe(1);
    }

    [Fact]
    public async Task Track_TaskFails_FailsWithGenerationMessage()
    {
        Emulator.Faults.TaskFails = true;

        var updates = await RunAsync(CreateSut(), Imagine());

        updates[^1].ShouldBeOfType<ProviderUpdate.Failed>().Code.ShouldBe("generation_failed");
    }

    [Fact]
    public async Task Submit_MalformedLines_FailsAsUnreadable()
    {
        Emulator.Faults.MalformedJson = true;

        var e = await Should.ThrowAsync<ProviderException>(() => CreateSut().SubmitAsync(Imagine(), CancellationToken.None));

        e.Code.ShouldBe("malformed_answer");
    }

    [Fact]
    public async Task Track_SilentStream_StopsWaitingAtTheIdleTimeout()
    {
        var sut = CreateSut(s => s["Providers:Blackwave:StreamIdleTimeout"] = "00:00:01.500");
        var request = Imagine();
        Emulator.StallAfterFirstLine = TimeSpan.FromSeconds(10);

        var submission = await sut.SubmitAsync(request, CancellationToken.None);
        var updates = await TrackAsync(sut, request, submission);

        updates[0].ShouldBeOfType<ProviderUpdate.Queued>().Position.ShouldBe(2);
        updates[^1].ShouldBeOfType<ProviderUpdate.Failed>().Code.ShouldBe("stream_stalled");
    }

    [Fact]
    public async Task Submit_TimeoutAfterAcceptance_NeverCreatesASecondJob()
    {
        Emulator.Faults.DelayAfterAccept = TimeSpan.FromSeconds(10);
        var sut = CreateSut(s => s["Providers:Blackwave:SubmitTimeout"] = "00:00:01.500");

        var e = await Should.ThrowAsync<ProviderException>(() => sut.SubmitAsync(Imagine(), CancellationToken.None));

        e.Code.ShouldBe("provider_timeout");
        Emulator.SubmitCount.ShouldBe(1);
    }

    [Fact]
    public async Task Submit_429ThenOk_RetriesAfterRetryAfter()
    {
        Emulator.Faults.RateLimits = 1;

        var updates = await RunAsync(CreateSut(), Imagine());

        updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>();
        Emulator.SubmitCount.ShouldBe(1);
    }

    [Fact]
    public async Task Submit_503Always_ThrowsRetryableNeverReached()
    {
        Emulator.Faults.Unavailable = 100;
        Emulator.Faults.RetryAfterSeconds = 0;

        var e = await Should.ThrowAsync<ProviderException>(() => CreateSut().SubmitAsync(Imagine(), CancellationToken.None));

        e.Retryable.ShouldBeTrue();
        Emulator.SubmitCount.ShouldBe(0);
    }

    [Fact]
    public async Task Open_ResultUrl404_ThrowsResultMissing()
    {
        Emulator.Faults.ResultNotFound = true;

        var updates = await RunAsync(CreateSut(), Imagine());

        var e = await Should.ThrowAsync<ProviderException>(() => ReadAsync(updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>().Outputs[0]));
        e.Code.ShouldBe("result_missing");
    }

    [Fact]
    public async Task Track_ResultOnForeignHost_IsRefused()
    {
        Emulator.Faults.ForeignResultHost = true;

        var updates = await RunAsync(CreateSut(), Imagine());

        updates[^1].ShouldBeOfType<ProviderUpdate.Failed>().Code.ShouldBe("result_host_refused");
    }

    [Fact]
    public async Task Track_AfterRestart_FailsBecauseTheStreamIsGone()
    {
        var updates = await TrackAsync(CreateSut(), Imagine(), new Submission("j-00000042", "stream"));

        updates.ShouldHaveSingleItem().ShouldBeOfType<ProviderUpdate.Failed>().Code.ShouldBe("stream_lost");
    }

    [Fact]
    public async Task Provider_WithoutKey_IsUnavailable()
    {
        var sut = CreateSut(apiKey: null);

        sut.IsAvailable.ShouldBeFalse();
        (await Should.ThrowAsync<ProviderException>(() => sut.SubmitAsync(Imagine(), CancellationToken.None))).NeverReachedProvider.ShouldBeTrue();
    }

    private static MediaRequest Imagine() => Request(MediaOperation.Imagine, ProviderNames.Blackwave, "FLUX-Devfp32", new CommandOptions { Prompt = "spaceship" });
}
