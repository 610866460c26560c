using ChatBot.Providers.ImageStudio;

namespace ChatBot.Providers.Tests.ImageStudio;

/// <summary>ALwrity Image Studio (document 001) over HTTP against its emulator.</summary>
public sealed class ImageStudioProviderTests() : ProviderTestBase<ImageStudioEmulator>(ProviderNames.ImageStudioSection, ProviderNames.ImageStudio)
{
    [Fact]
    public async Task Imagine_TemplateAndEveryOption_SendsThemAndDecodesEveryVariation()
    {
        var options = new CommandOptions
        {
            Prompt = "Modern minimalist workspace",
            Template = "linkedin_post",
            AspectRatio = "16:9",
            Style = "photographic",
            NegativePrompt = "blurry",
            Seed = 9,
            Count = 3,
            Extra = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["quality"] = "premium", ["guidance"] = "7.5", ["steps"] = "30", ["enhance"] = "false", ["width"] = "1200", ["height"] = "628" },
        };
        var request = Request(MediaOperation.Imagine, ProviderNames.ImageStudio, "ideogram-v3-turbo", options) is var r
            ? r with { Model = r.Model with { Settings = new Dictionary<string, string> { ["provider"] = "wavespeed" } } }
            : null!;

        var updates = await RunAsync(CreateSut(), request);

        var sent = Emulator.LastSubmit!;
        sent.Path.ShouldBe("/api/image-studio/create");
        sent.Headers["Authorization"].ShouldBe($"Bearer {Emulator.ApiKey}");
        sent.Field("template_id").ShouldBe("linkedin_post");
        sent.Field("provider").ShouldBe("wavespeed");
        sent.Field("model").ShouldBe("ideogram-v3-turbo");
        sent.Field("aspect_ratio").ShouldBe("16:9");
        sent.Field("style_preset").ShouldBe("photographic");
        sent.Field("quality").ShouldBe("premium");
        sent.Field("negative_prompt").ShouldBe("blurry");
        sent.Field("guidance_scale").ShouldBe("7.5");
        sent.Field("steps").ShouldBe("30");
        sent.Field("seed").ShouldBe("9");
        sent.Field("num_variations").ShouldBe("3");
        sent.Field("enhance_prompt").ShouldBe("false");
        sent.Field("width").ShouldBe("1200");
        Emulator.Requests.ShouldContain(q => q.Path == "/api/image-studio/estimate-cost" && q.Field("num_images") == "3");

        var done = updates.ShouldHaveSingleItem().ShouldBeOfType<ProviderUpdate.Succeeded>();
        done.Outputs.Count.ShouldBe(3);
        done.ProviderCost.ShouldBe(6m);
        MediaSniffer.Sniff(await ReadAsync(done.Outputs[0]))!.ContentType.ShouldBe("image/png");
    }

    [Fact]
    public async Task Imagine_AutoModel_LetsImageStudioChoose()
    {
        await RunAsync(CreateSut(), Request(MediaOperation.Imagine, ProviderNames.ImageStudio, "auto", new CommandOptions { Prompt = "office" }));

        Emulator.LastSubmit!.Field("provider").ShouldBe("auto");
        Emulator.LastSubmit!.Json!.ContainsKey("model").ShouldBeFalse();
    }

    [Fact]
    public async Task Imagine_UnknownTemplate_ThrowsTheDetail()
    {
        var e = await Should.ThrowAsync<ProviderException>(() => CreateSut().SubmitAsync(Request(MediaOperation.Imagine, ProviderNames.ImageStudio, "auto", new CommandOptions { Prompt = "x", Template = "myspace_banner" }), CancellationToken.None));

        e.Message.ShouldContain("Template not found");
    }

    [Fact]
    public async Task GetTemplatesAsync_Platform_ListsItsTemplates()
    {
        var provider = (ImageStudioProvider)CreateSut();

        var templates = await provider.GetTemplatesAsync("instagram", null, CancellationToken.None);

        templates.Select(t => t.Id).ShouldBe(["instagram_feed_square", "instagram_story"]);
        templates[0].Ratio.ShouldBe("1:1");
    }

    [Theory]
    [InlineData(null, "general_edit")]
    [InlineData("search-replace", "search_replace")]
    [InlineData("recolor", "search_recolor")]
    [InlineData("remove-background", "remove_background")]
    [InlineData("op:search-replace", "search_replace")]
    [InlineData("op:recolor", "search_recolor")]
    public async Task Edit_Mode_MapsOntoTheDocumentsOperation(string? mode, string operation)
    {
        var extra = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["search"] = "the blue car", ["select"] = "the car" };
        if (mode?.StartsWith("op:", StringComparison.Ordinal) == true)
        {
            extra["op"] = mode[3..];
            mode = "edit";
        }

        var options = new CommandOptions { Prompt = "a red car", Mode = mode, Extra = extra };

        var updates = await RunAsync(CreateSut(), Request(MediaOperation.Edit, ProviderNames.ImageStudio, "auto", options, Input(MediaRole.Image, TestMedia.Png(), width: 8, height: 8)));

        var sent = Emulator.LastSubmit!;
        sent.Path.ShouldBe("/api/image-studio/edit/process");
        sent.Field("operation").ShouldBe(operation);
        sent.Field("image_base64")!.ShouldStartWith("data:image/png;base64,");
        updates.ShouldHaveSingleItem().ShouldBeOfType<ProviderUpdate.Succeeded>().ProviderCost.ShouldBe(2m);
    }

    [Fact]
    public async Task Inpaint_ImageMaskPrompt_SendsMask()
    {
        var updates = await RunAsync(CreateSut(), Request(MediaOperation.Inpaint, ProviderNames.ImageStudio, "auto", new CommandOptions { Prompt = "a lamp", NegativePrompt = "people" }, Input(MediaRole.Image, TestMedia.Png()), Input(MediaRole.Mask, TestMedia.MaskPng(), fileName: "m.png")));

        var sent = Emulator.LastSubmit!;
        sent.Field("operation").ShouldBe("inpaint");
        sent.Field("mask_base64")!.ShouldStartWith("data:image/png;base64,");
        sent.Field("negative_prompt").ShouldBe("people");
        updates.ShouldHaveSingleItem().ShouldBeOfType<ProviderUpdate.Succeeded>();
    }

    [Fact]
    public async Task Inpaint_WithoutPrompt_ThrowsTheDocumentsDetail()
    {
        var e = await Should.ThrowAsync<ProviderException>(() => CreateSut().SubmitAsync(Request(MediaOperation.Inpaint, ProviderNames.ImageStudio, "auto", new CommandOptions(), Input(MediaRole.Image, TestMedia.Png())), CancellationToken.None));

        e.Message.ShouldContain("Prompt is required for inpainting");
        Emulator.SubmitCount.ShouldBe(0);
    }

    [Fact]
    public async Task Reframe_AspectRatio_OutpaintsWithComputedExpansions()
    {
        var updates = await RunAsync(CreateSut(), Request(MediaOperation.Reframe, ProviderNames.ImageStudio, "auto", new CommandOptions { AspectRatio = "16:9" }, Input(MediaRole.Image, TestMedia.Png(90, 90), width: 90, height: 90)));

        var sent = Emulator.LastSubmit!;
        sent.Field("operation").ShouldBe("outpaint");
        sent.Field("expand_left").ShouldBe("35");
        sent.Field("expand_right").ShouldBe("35");
        sent.Field("expand_up").ShouldBe("0");
        MediaSniffer.Sniff(await ReadAsync(updates.ShouldHaveSingleItem().ShouldBeOfType<ProviderUpdate.Succeeded>().Outputs[0]))!.Width.ShouldBe(160);
    }

    [Fact]
    public async Task Reframe_ExplicitExpansions_AreSentAsGiven()
    {
        var options = new CommandOptions { Extra = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["up"] = "20", ["down"] = "10" } };

        await RunAsync(CreateSut(), Request(MediaOperation.Reframe, ProviderNames.ImageStudio, "auto", options, Input(MediaRole.Image, TestMedia.Png())));

        Emulator.LastSubmit!.Field("expand_up").ShouldBe("20");
        Emulator.LastSubmit!.Field("expand_down").ShouldBe("10");
    }

    [Fact]
    public async Task RemoveBackground_Image_UsesRemoveBackgroundOperation()
    {
        await RunAsync(CreateSut(), Request(MediaOperation.RemoveBackground, ProviderNames.ImageStudio, "auto", new CommandOptions(), Input(MediaRole.Image, TestMedia.Png())));

        Emulator.LastSubmit!.Field("operation").ShouldBe("remove_background");
    }

    [Fact]
    public async Task Upscale_ModePresetAndFactor_SendsTargetSize()
    {
        var options = new CommandOptions { UpscaleFactor = 4, Mode = "creative", Prompt = "keep details", Extra = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["preset"] = "print" } };

        var updates = await RunAsync(CreateSut(), Request(MediaOperation.Upscale, ProviderNames.ImageStudio, "auto", options, Input(MediaRole.Image, TestMedia.Png(), width: 8, height: 6)));

        var sent = Emulator.LastSubmit!;
        sent.Path.ShouldBe("/api/image-studio/upscale");
        sent.Field("mode").ShouldBe("creative");
        sent.Field("preset").ShouldBe("print");
        sent.Field("target_width").ShouldBe("32");
        sent.Field("target_height").ShouldBe("24");
        sent.Field("prompt").ShouldBe("keep details");
        updates.ShouldHaveSingleItem().ShouldBeOfType<ProviderUpdate.Succeeded>();
    }

    [Theory]
    [InlineData("sketch", "control_strength")]
    [InlineData("structure", "control_strength")]
    [InlineData("style", "fidelity")]
    [InlineData("style-transfer", "style_strength")]
    public async Task Control_Operation_SendsItsStrengthField(string mode, string strengthField)
    {
        var request = Request(MediaOperation.Control, ProviderNames.ImageStudio, "auto", new CommandOptions { Prompt = "modern office", Mode = mode, Strength = 0.8 }, Input(MediaRole.Image, TestMedia.Png()), Input(MediaRole.Reference, TestMedia.Png(4, 4), fileName: "style.png"));

        var updates = await RunAsync(CreateSut(), request);

        var sent = Emulator.LastSubmit!;
        sent.Path.ShouldBe("/api/image-studio/control/process");
        sent.Field("operation").ShouldBe(mode.Replace('-', '_'));
        sent.Field(strengthField).ShouldBe("0.8");
        sent.Field("control_image_base64")!.ShouldStartWith("data:image/png;base64,");
        updates.ShouldHaveSingleItem().ShouldBeOfType<ProviderUpdate.Succeeded>();
    }

    [Fact]
    public async Task Social_Platforms_OneResultPerPlatformFormat()
    {
        var options = new CommandOptions { Mode = "social", Extra = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["platforms"] = "instagram, linkedin", ["crop"] = "center", ["formats"] = "linkedin=Post", ["focus"] = "0.25,0.75" } };

        var updates = await RunAsync(CreateSut(), Request(MediaOperation.Social, ProviderNames.ImageStudio, "auto", options, Input(MediaRole.Image, TestMedia.Png())));

        var sent = Emulator.LastSubmit!;
        sent.Path.ShouldBe("/api/image-studio/social/optimize");
        sent.Json!["platforms"]!.AsArray().Select(p => p!.ToString()).ShouldBe(["instagram", "linkedin"]);
        sent.Field("crop_mode").ShouldBe("center");
        sent.Json!["format_names"]!["linkedin"]!.ToString().ShouldBe("Post");
        sent.Json!["focal_point"]!["x"]!.GetValue<double>().ShouldBe(0.25);
        var done = updates.ShouldHaveSingleItem().ShouldBeOfType<ProviderUpdate.Succeeded>();
        done.Outputs.Select(o => o.FileName).ShouldBe(["job-1-instagram-feed-post--square.png", "job-1-linkedin-post.png"]);
    }

    [Fact]
    public async Task CheckHealthAsync_Unhealthy_MakesTheProviderUnavailable()
    {
        var provider = (ImageStudioProvider)CreateSut();
        Emulator.Healthy = false;

        (await provider.CheckHealthAsync(CancellationToken.None)).ShouldBeFalse();
        provider.IsAvailable.ShouldBeFalse();

        Emulator.Healthy = true;
        (await provider.CheckHealthAsync(CancellationToken.None)).ShouldBeTrue();
        provider.IsAvailable.ShouldBeTrue();
    }

    [Fact]
    public async Task Submit_GenerationFails_ThrowsTheDetailAsHumanMessage()
    {
        Emulator.Faults.TaskFails = true;
        Emulator.Faults.FailureMessage = "Provider error message";

        var e = await Should.ThrowAsync<ProviderException>(() => CreateSut().SubmitAsync(Imagine(), CancellationToken.None));

        e.Message.ShouldContain("Image generation failed: Provider error message");
    }

    [Fact]
    public async Task Submit_AuthRefused_ThrowsAuthErrorWithoutKey()
    {
        Emulator.Faults.RejectAuth = true;

        var e = await Should.ThrowAsync<ProviderException>(() => CreateSut().SubmitAsync(Imagine(), CancellationToken.None));

        e.Code.ShouldBe("provider_auth");
        e.Message.ShouldNotContain(Emulator.ApiKey);
    }

    [Fact]
    public async Task Submit_MalformedAnswer_FailsClearly()
    {
        Emulator.Faults.Scope = FaultScope.Submit;
        Emulator.Faults.MalformedJson = true;

        var updates = await RunAsync(CreateSut(), Imagine());

        updates.ShouldHaveSingleItem().ShouldBeOfType<ProviderUpdate.Failed>().Code.ShouldBe("malformed_answer");
    }

    [Fact]
    public async Task Submit_EstimateUnavailable_StillRunsWithoutACost()
    {
        Emulator.Faults.Scope = FaultScope.Status;
        Emulator.Faults.ServerErrors = 100;

        var updates = await RunAsync(CreateSut(), Imagine());

        updates.ShouldHaveSingleItem().ShouldBeOfType<ProviderUpdate.Succeeded>().ProviderCost.ShouldBeNull();
    }

    [Fact]
    public async Task Submit_TimeoutAfterAcceptance_NeverCreatesASecondJob()
    {
        Emulator.Faults.DelayAfterAccept = TimeSpan.FromSeconds(10);
        var sut = CreateSut(s => s["Providers:ImageStudio:SubmitTimeout"] = "00:00:01.500");

        var e = await Should.ThrowAsync<ProviderException>(() => sut.SubmitAsync(Imagine(), CancellationToken.None));

        e.Code.ShouldBe("provider_timeout");
        Emulator.SubmitCount.ShouldBe(1);
    }

    [Fact]
    public async Task Submit_Base64LargerThanCap_FailsTooLarge()
    {
        var sut = CreateSut(s => s["Providers:ImageStudio:MaxResultBytes"] = "1024");

        var updates = await RunAsync(sut, Request(MediaOperation.Upscale, ProviderNames.ImageStudio, "auto", new CommandOptions { Extra = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["width"] = "256", ["height"] = "256" } }, Input(MediaRole.Image, TestMedia.Png())));

        updates.ShouldHaveSingleItem().ShouldBeOfType<ProviderUpdate.Failed>().Code.ShouldBe("result_too_large");
    }

    [Fact]
    public async Task Track_AfterRestart_FailsClearly()
    {
        var updates = await TrackAsync(CreateSut(), Imagine(), new Submission("is-job-1"));

        updates.ShouldHaveSingleItem().ShouldBeOfType<ProviderUpdate.Failed>().Code.ShouldBe("result_lost");
    }

    [Fact]
    public void Provider_WithoutKey_IsUnavailable() => CreateSut(apiKey: null).IsAvailable.ShouldBeFalse();

    private static MediaRequest Imagine() => Request(MediaOperation.Imagine, ProviderNames.ImageStudio, "auto", new CommandOptions { Prompt = "office" });
}
