namespace ChatBot.Providers.Tests.AetherWave;

/// <summary>Every Image Studio operation of document 000, over HTTP against its emulator.</summary>
public sealed class AetherWaveImageTests() : ProviderTestBase<AetherWaveEmulator>(ProviderNames.AetherWaveSection, ProviderNames.AetherWave)
{
    [Fact]
    public async Task Imagine_AllOptions_SendsDocumentedFieldsAndReturnsImagesWithActualCost()
    {
        var options = new CommandOptions
        {
            Prompt = "Neon samurai",
            AspectRatio = "9:16",
            Resolution = "2K",
            Count = 2,
            NegativePrompt = "blur",
            Seed = 42,
            Extra = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["format"] = "jpg", ["expand"] = "false", ["image-size"] = "square_hd" },
        };

        var updates = await RunAsync(Sut, Request(MediaOperation.Imagine, ProviderNames.AetherWave, "seedream-v4-t2i", options));

        var sent = Emulator.LastSubmit!;
        sent.Path.ShouldBe("/api/generate-image");
        sent.Headers["X-AW-Key"].ShouldBe(Emulator.ApiKey);
        sent.ContentType!.ShouldStartWith("application/json");
        sent.Field("prompt").ShouldBe("Neon samurai");
        sent.Field("model").ShouldBe("seedream-v4-t2i");
        sent.Field("aspectRatio").ShouldBe("9:16");
        sent.Field("resolution").ShouldBe("2K");
        sent.Field("imageSize").ShouldBe("square_hd");
        sent.Field("maxImages").ShouldBe("2");
        sent.Json!.ContainsKey("negative_prompt").ShouldBeFalse(); // Imagen 4 Ultra and Qwen only
        sent.Field("seed").ShouldBe("42");
        sent.Json!.ContainsKey("outputFormat").ShouldBeFalse(); // Nano Banana Pro only
        sent.Field("enablePromptExpansion").ShouldBe("false");
        sent.Json!.ContainsKey("referenceImages").ShouldBeFalse();

        updates.ShouldContain(u => u is ProviderUpdate.Running);
        var done = updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>();
        done.Outputs.Count.ShouldBe(2);
        done.ProviderCost.ShouldBe(14m);
        var bytes = await ReadAsync(done.Outputs[0]);
        MediaSniffer.Sniff(bytes)!.ContentType.ShouldBe("image/png");
    }

    [Theory]
    [InlineData("grok-imagine-t2i", "seed")] // seed: Imagen 4 and Seedream
    [InlineData("imagen-4", "resolution")] // resolution: Seedream, Flux, Nano Pro
    [InlineData("imagen-4", "referenceImages")] // referenceImages: Grok, Flux
    [InlineData("qwen-image-t2i", "outputFormat")] // outputFormat: Nano Banana Pro
    public async Task Imagine_FieldTheDocumentDoesNotGiveTheModel_IsLeftOut(string model, string field)
    {
        var options = new CommandOptions
        {
            Prompt = "fox",
            Seed = 42,
            Resolution = "2K",
            Extra = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["format"] = "jpg" },
        };

        var updates = await RunAsync(Sut, Request(MediaOperation.Imagine, ProviderNames.AetherWave, model, options, Input(MediaRole.Reference, TestMedia.Png())));

        updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>();
        Emulator.LastSubmit!.Json!.ContainsKey(field).ShouldBeFalse();
    }

    /// <summary>Issue 10 point 2: the document lists grok-imagine-i2i under edit-image ("Returns 2 variations", 6 credits).</summary>
    [Fact]
    public async Task Vary_WithAnEditModel_PostsToEditImageAndReturnsTwoVariations()
    {
        var updates = await RunAsync(Sut, Request(MediaOperation.Vary, ProviderNames.AetherWave, "grok-imagine-i2i", new CommandOptions(), Input(MediaRole.Image, TestMedia.Png())));

        Emulator.LastSubmit!.Path.ShouldBe("/api/edit-image");
        Emulator.LastSubmit.Field("model").ShouldBe("grok-imagine-i2i");
        Emulator.LastSubmit.Files.ShouldHaveSingleItem().Field.ShouldBe("image");
        var done = updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>();
        done.Outputs.Count.ShouldBe(2);
        done.ProviderCost.ShouldBe(6m);
    }

    [Fact]
    public async Task Imagine_GrokDefault_ReturnsSixImagesForFiveCredits()
    {
        var updates = await RunAsync(Sut, Request(MediaOperation.Imagine, ProviderNames.AetherWave, "grok-imagine-t2i", new CommandOptions { Prompt = "fox" }));

        var done = updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>();
        done.Outputs.Count.ShouldBe(6);
        done.ProviderCost.ShouldBe(5m);
    }

    [Fact]
    public async Task Vary_WithImage_SendsItAsReferenceDataUrl()
    {
        var png = TestMedia.Png();
        var updates = await RunAsync(Sut, Request(MediaOperation.Vary, ProviderNames.AetherWave, "flux-kontext-pro", new CommandOptions { Prompt = "in a space suit" }, Input(MediaRole.Image, png)));

        var refs = Emulator.LastSubmit!.Json!["referenceImages"]!.AsArray();
        refs.Count.ShouldBe(1);
        refs[0]!.ToString().ShouldBe("data:image/png;base64," + Convert.ToBase64String(png));
        updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>().ProviderCost.ShouldBe(7m);
    }

    [Fact]
    public async Task Edit_OneImage_SendsMultipartImagePromptAndModel()
    {
        var updates = await RunAsync(Sut, Request(MediaOperation.Edit, ProviderNames.AetherWave, "grok-imagine-i2i", new CommandOptions { Prompt = "make it night" }, Input(MediaRole.Image, TestMedia.Png())));

        var sent = Emulator.LastSubmit!;
        sent.Path.ShouldBe("/api/edit-image");
        sent.ContentType!.ShouldStartWith("multipart/form-data");
        sent.Files.Single().Field.ShouldBe("image");
        sent.Field("prompt").ShouldBe("make it night");
        sent.Field("model").ShouldBe("grok-imagine-i2i");
        updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>().Outputs.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Edit_SeveralImages_SendsThemAsImages()
    {
        var updates = await RunAsync(Sut, Request(MediaOperation.Edit, ProviderNames.AetherWave, "seedream-v4-edit", new CommandOptions { Prompt = "same style" }, Input(MediaRole.Image, TestMedia.Png()), Input(MediaRole.Reference, TestMedia.Png(4, 4), fileName: "b.png")));

        Emulator.LastSubmit!.Files.Select(f => f.Field).ShouldBe(["images", "images"]);
        updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>().ProviderCost.ShouldBe(14m);
    }

    [Fact]
    public async Task Inpaint_ImageAndMask_SendsDataUrlsAndQualityTier()
    {
        var options = new CommandOptions { Prompt = "dramatic sunset", Extra = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["quality"] = "high" } };

        var updates = await RunAsync(Sut, Request(MediaOperation.Inpaint, ProviderNames.AetherWave, "ideogram-v3-edit", options, Input(MediaRole.Image, TestMedia.Png()), Input(MediaRole.Mask, TestMedia.MaskPng(), fileName: "mask.png")));

        var sent = Emulator.LastSubmit!;
        sent.Path.ShouldBe("/api/inpaint-image");
        sent.Field("mask").ShouldBe("data:image/png;base64," + Convert.ToBase64String(TestMedia.MaskPng())); // transparent = edit already: as is
        sent.Field("image")!.ShouldStartWith("data:image/png;base64,");
        sent.Field("mask")!.ShouldStartWith("data:image/png;base64,");
        sent.Field("quality").ShouldBe("high");
        updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>().ProviderCost.ShouldBe(14m);
    }

    /// <summary>Issue 10 point 5: a member's black-and-white mask (white = change) becomes the document's transparent edit zone.</summary>
    [Fact]
    public async Task Inpaint_BlackAndWhiteMask_IsSentTransparentWhereItWasWhite()
    {
        var mask = TestMedia.BlackWhiteMaskPng(8, 4);

        var updates = await RunAsync(Sut, Request(MediaOperation.Inpaint, ProviderNames.AetherWave, "ideogram-v3-edit", new CommandOptions { Prompt = "sky" }, Input(MediaRole.Image, TestMedia.Png(8, 4)), Input(MediaRole.Mask, mask, fileName: "mask.png")));

        updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>();
        var sent = Emulator.LastSubmit!.Field("mask")!;
        using var bitmap = SkiaSharp.SKBitmap.Decode(Convert.FromBase64String(sent["data:image/png;base64,".Length..]));
        bitmap.GetPixel(0, 0).Alpha.ShouldBe((byte)0);
        bitmap.GetPixel(7, 3).Alpha.ShouldBe((byte)255);
    }

    [Fact]
    public async Task Inpaint_WithoutMask_ThrowsClearMessageBeforeSending()
    {
        var e = await Should.ThrowAsync<ProviderException>(() => Sut.SubmitAsync(Request(MediaOperation.Inpaint, ProviderNames.AetherWave, "ideogram-v3-edit", new CommandOptions { Prompt = "x" }, Input(MediaRole.Image, TestMedia.Png())), CancellationToken.None));

        e.Message.ShouldContain("mask");
        Emulator.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Reframe_AspectAndSpeed_SendsRenderingSpeed()
    {
        var options = new CommandOptions { AspectRatio = "21:9", Extra = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["speed"] = "turbo" } };

        var updates = await RunAsync(Sut, Request(MediaOperation.Reframe, ProviderNames.AetherWave, "ideogram-v3-reframe", options, Input(MediaRole.Image, TestMedia.Png())));

        var sent = Emulator.LastSubmit!;
        sent.Path.ShouldBe("/api/reframe-image");
        sent.Field("aspectRatio").ShouldBe("21:9");
        sent.Field("rendering_speed").ShouldBe("TURBO");
        sent.Field("image")!.ShouldStartWith("data:image/png;base64,");
        updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>().ProviderCost.ShouldBe(5m);
    }

    [Fact]
    public async Task Upscale_Factor_SendsMultipartFactor()
    {
        var updates = await RunAsync(Sut, Request(MediaOperation.Upscale, ProviderNames.AetherWave, "topaz-upscale", new CommandOptions { UpscaleFactor = 4 }, Input(MediaRole.Image, TestMedia.Png())));

        var sent = Emulator.LastSubmit!;
        sent.Path.ShouldBe("/api/upscale-image");
        sent.Field("upscaleFactor").ShouldBe("4x");
        sent.Files.Single().Field.ShouldBe("image");
        updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>().ProviderCost.ShouldBe(20m);
    }

    [Fact]
    public async Task RemoveBackground_Image_UploadsAndCostsFive()
    {
        var updates = await RunAsync(Sut, Request(MediaOperation.RemoveBackground, ProviderNames.AetherWave, "recraft-remove-background", new CommandOptions(), Input(MediaRole.Image, TestMedia.Png())));

        Emulator.LastSubmit!.Path.ShouldBe("/api/remove-background");
        updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>().ProviderCost.ShouldBe(5m);
    }

    [Fact]
    public async Task Enhance_Image_UploadsAndCostsEight()
    {
        var updates = await RunAsync(Sut, Request(MediaOperation.Enhance, ProviderNames.AetherWave, "recraft-crisp-upscale", new CommandOptions(), Input(MediaRole.Image, TestMedia.Png())));

        Emulator.LastSubmit!.Path.ShouldBe("/api/enhance-image");
        updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>().ProviderCost.ShouldBe(8m);
    }

    [Fact]
    public async Task AlbumArt_Style_IsFree()
    {
        var updates = await RunAsync(Sut, Request(MediaOperation.AlbumArt, ProviderNames.AetherWave, "google-nano-banana", new CommandOptions { Prompt = "synthwave", Style = "Digital", AspectRatio = "1:1" }));

        var sent = Emulator.LastSubmit!;
        sent.Path.ShouldBe("/api/generate-art");
        sent.Field("style").ShouldBe("digital");
        updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>().ProviderCost.ShouldBe(0m);
    }

    [Fact]
    public async Task SaveToGalleryAsync_Result_PostsMediaUrl()
    {
        var provider = (ChatBot.Providers.AetherWave.AetherWaveProvider)Sut;

        await provider.SaveToGalleryAsync(new Uri("https://media.aetherwavestudio.com/images/a.png"), "image", "fox", "grok-imagine-t2i", "Fox", CancellationToken.None);

        Emulator.GallerySaves.ShouldBe(["https://media.aetherwavestudio.com/images/a.png"]);
    }
}
