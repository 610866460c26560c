using ChatBot.Emulators.Providers;
using ChatBot.IntegrationTests.TestSupport;

namespace ChatBot.IntegrationTests.Providers;

/// <summary>
/// Issue 10, "Operations a member cannot reach today": each documented operation driven from the Playground against
/// its emulator (as strict as the document) — AetherWave upscale 1x and the last frame, ALwrity's search-and-replace
/// and recolor modes, the edit options object, Blackwave's gallery, and the several-image inputs.
/// </summary>
public sealed class ProviderOperationsEndToEndTests : RemoteProvidersHostTest
{
    [Fact]
    public async Task Upscale_FactorOne_IsSentAs1xAndChargesTheDocumentsPrice()
    {
        using var timeout = TestTimeout.Start();
        var before = await Host.Client.CreditsAsync("up1");

        var final = await RunAsync("up1", "/upscale --factor 1 --model topaz-upscale", ("in.png", TestMedia.Png(40, 30), null));

        final.Status.ShouldBe("succeeded", final.Text);
        var submit = AetherWave.LastSubmit.ShouldNotBeNull();
        submit.Path.ShouldBe("/api/upscale-image");
        submit.Field("upscaleFactor").ShouldBe("1x");
        (before - await Host.Client.SettledCreditsAsync("up1", timeout.Token)).ShouldBe(10, final.Text);
    }

    [Fact]
    public async Task Video_AttachmentMarkedLastFrame_IsSentAsEndImageData()
    {
        var first = TestMedia.Png(40, 30, 1);
        var last = TestMedia.Png(40, 30, 2);

        var final = await RunAsync("lf", "/video a flower opens --model seedance-lite-i2v --duration 5 --res 720p", ("first.png", first, null), ("last.png", last, "last-frame"));

        final.Status.ShouldBe("succeeded", final.Text);
        var submit = AetherWave.LastSubmit.ShouldNotBeNull();
        submit.Field("imageData").ShouldBe("data:image/png;base64," + Convert.ToBase64String(first));
        submit.Field("endImageData").ShouldBe("data:image/png;base64," + Convert.ToBase64String(last));
    }

    [Fact]
    public async Task Video_LastFrameForAModelWithoutOne_IsRefusedBeforeAnyReserve()
    {
        var before = await Host.Client.CreditsAsync("lf-2");

        var reply = await RunAsync("lf-2", "/video a flower opens --model kling-2.1-standard --duration 5", ("first.png", TestMedia.Png(40, 30), null), ("last.png", TestMedia.Png(40, 30), "last-frame"));

        reply.Status.ShouldBe("refused", reply.Text);
        reply.Text.ShouldContain("doesn't take a last frame");
        (await Host.Client.CreditsAsync("lf-2")).ShouldBe(before);
        AetherWave.SubmitCount.ShouldBe(0);
    }

    [Theory]
    [InlineData("/edit a golden retriever --mode search-replace --search the cat --model imagestudio-auto", "search_replace", "search_prompt", "the cat")]
    [InlineData("/edit deep red --mode recolor --select the jacket --model imagestudio-auto", "search_recolor", "select_prompt", "the jacket")]
    public async Task Edit_SearchReplaceAndRecolorModes_SendTheDocumentsOperation(string command, string operation, string field, string value)
    {
        var final = await RunAsync("sr-" + operation, command, ("in.png", TestMedia.Png(40, 30), null));

        final.Status.ShouldBe("succeeded", final.Text);
        var submit = ImageStudio.LastSubmit.ShouldNotBeNull();
        submit.Path.ShouldEndWith("/edit/process");
        submit.Field("operation").ShouldBe(operation);
        submit.Field(field).ShouldBe(value);
    }

    [Fact]
    public async Task Edit_RecolorWithoutSelect_IsRefusedWithAnExample()
    {
        var reply = await RunAsync("rc-2", "/edit deep red --mode recolor --model imagestudio-auto", ("in.png", TestMedia.Png(40, 30), null));

        reply.Status.ShouldBe("refused", reply.Text);
        reply.Text.ShouldContain("`--select <what to recolor>`");
        ImageStudio.Requests.ShouldNotContain(r => r.Path.EndsWith("/edit/process", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Edit_OptionsFlag_IsSentAsTheDocumentsOptionsObject()
    {
        var final = await RunAsync("opts", "/edit brighter --model imagestudio-auto --options \"seed_mode=fixed; strength=0.4; safe=true\"", ("in.png", TestMedia.Png(40, 30), null));

        final.Status.ShouldBe("succeeded", final.Text);
        var options = ImageStudio.LastSubmit.ShouldNotBeNull().Json!["options"].ShouldBeOfType<System.Text.Json.Nodes.JsonObject>();
        options["seed_mode"]!.GetValue<string>().ShouldBe("fixed");
        options["strength"]!.GetValue<double>().ShouldBe(0.4);
        options["safe"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Theory]
    [InlineData("on", "true")]
    [InlineData("off", "false")]
    public async Task Imagine_OnBlackwave_SendsToGalleryAsTheTenantChose(string gallery, string sent)
    {
        (await RunAsync(Admin, $"/settings gallery {gallery}")).Status.ShouldBe("succeeded");

        var final = await RunAsync("bw-gal", "/imagine a ship at sea --model FLUX-Devfp32");

        final.Status.ShouldBe("succeeded", final.Text);
        Blackwave.LastSubmit.ShouldNotBeNull().Field("send_to_gallery").ShouldBe(sent);
    }

    [Fact]
    public async Task Inpaint_ReferenceAttachments_AreSentAsReferenceImages()
    {
        var references = new[] { TestMedia.Png(20, 20, 5), TestMedia.Png(20, 20, 6) };

        var final = await RunAsync(
            "inref",
            "/edit a starry sky --mode inpaint --model ideogram-v3-edit",
            ("photo.png", TestMedia.Png(40, 30, 1), null),
            ("mask.png", TestMedia.MaskPng(40, 30), "mask"),
            ("ref1.png", references[0], "reference"),
            ("ref2.png", references[1], "reference"));

        final.Status.ShouldBe("succeeded", final.Text);
        var sent = AetherWave.LastSubmit.ShouldNotBeNull().Json!["referenceImages"].ShouldBeOfType<System.Text.Json.Nodes.JsonArray>();
        sent.Select(n => n!.GetValue<string>()).ShouldBe(references.Select(r => "data:image/png;base64," + Convert.ToBase64String(r)));
    }

    [Fact]
    public async Task Edit_SeedreamWithThreeImages_IsOneBatchChargedPerImage()
    {
        using var timeout = TestTimeout.Start();
        var before = await Host.Client.CreditsAsync("batch");

        var final = await RunAsync("batch", "/edit watercolor style --model seedream-v4-edit", ("a.png", TestMedia.Png(20, 20, 1), null), ("b.png", TestMedia.Png(20, 20, 2), null), ("c.png", TestMedia.Png(20, 20, 3), null));

        final.Status.ShouldBe("succeeded", final.Text);
        var submit = AetherWave.LastSubmit.ShouldNotBeNull();
        submit.Path.ShouldBe("/api/edit-image");
        submit.Files.Count(f => f.Field == "images").ShouldBe(3);
        final.Media.Count.ShouldBe(3);
        (before - await Host.Client.SettledCreditsAsync("batch", timeout.Token)).ShouldBe(21, final.Text);
    }

    [Fact]
    public async Task Imagine_AetherForgeWithThreeReferences_SendsEachAsARefImage()
    {
        var final = await RunAsync("forge", "/imagine a cat in this style --model aetherforge-grok-imagine", ("a.png", TestMedia.Png(20, 20, 1), "reference"), ("b.png", TestMedia.Png(20, 20, 2), "reference"), ("c.png", TestMedia.Png(20, 20, 3), "reference"));

        final.Status.ShouldBe("succeeded", final.Text);
        AetherForge.LastSubmit.ShouldNotBeNull().Files.Count(f => f.Field == "ref_images").ShouldBe(3);
    }

    private Task<ReplyState> RunAsync(string user, string command, params (string FileName, byte[] Data, string? Role)[] attachments) =>
        Host.Client.RunAsync(user, command, attachments);
}
