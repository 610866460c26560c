using ChatBot.Emulators.Providers;
using ChatBot.IntegrationTests.TestSupport;

namespace ChatBot.IntegrationTests.Providers;

/// <summary>
/// Issue 10, "Requests that contradict the documents": the whole host against emulators as strict as the five
/// documents. Options a model does not take, or values outside the document's list or range, are refused before
/// any credit is reserved, with the allowed values; what is sent is what the document allows.
/// </summary>
public sealed class ProviderParametersEndToEndTests : RemoteProvidersHostTest
{
    [Theory]
    // Point 3: parameters the document does not give the model.
    [InlineData("p3-seed", "/imagine a fox --model grok-imagine-t2i --seed 42", "", "`grok-imagine-t2i` doesn't take `--seed`")]
    [InlineData("p3-res", "/imagine a fox --model imagen-4 --res 2K", "", "`imagen-4` doesn't take `--res`")]
    [InlineData("p3-ref", "/imagine a fox like this --model imagen-4", "png", "`imagen-4` doesn't take images")]
    [InlineData("p3-change", "/edit a modern office --mode sketch --change 0.5 --model imagestudio-auto", "png", "`imagestudio-auto` doesn't take `--change`")]
    [InlineData("p3-ar", "/imagine a cat --model aetherforge-grok-imagine --ar 16:9", "", "`aetherforge-grok-imagine` doesn't take `--ar`")]
    // Point 4: values outside the document's list or range, refused with the allowed ones.
    [InlineData("p4-speed", "/edit --mode reframe --ar 16:9 --speed warp --model ideogram-v3-reframe", "png", "TURBO, BALANCED or QUALITY")]
    [InlineData("p4-format", "/imagine a fox --model nano-banana-pro --format webp", "", "png or jpg")]
    [InlineData("p4-style", "/imagine album cover --mode album-art --style cubist", "", "realistic, abstract, digital, vintage, minimalist, surreal, anime or graffiti")]
    [InlineData("p4-cfg", "/video waves --model kling-2.1-master-t2v --duration 5 --cfg 3", "", "a number from 0 to 1")]
    [InlineData("p4-mode", "/video waves --model grok-imagine-t2v --duration 6 --mode wild", "", "fun, normal or spicy")]
    [InlineData("p4-steps", "/imagine a ship --model FLUX-Devfp32 --steps 50", "", "a whole number from 1 to 35")]
    [InlineData("p4-bwcfg", "/imagine a ship --model FLUX-Devfp32 --cfg 40", "", "a number from 1 to 30")]
    [InlineData("p4-quality", "/imagine an office --model imagestudio-auto --quality ultra", "", "draft, standard or premium")]
    [InlineData("p4-preset", "/upscale --model imagestudio-auto --preset poster", "png", "web, print or social")]
    [InlineData("p4-crop", "/edit --mode social --platforms instagram --crop zoom --model imagestudio-auto", "png", "smart, center or fit")]
    [InlineData("p4-strength", "/edit a modern office --mode sketch --strength 1.5 --model imagestudio-auto", "png", "between 0 and 1")]
    public async Task Command_ParameterTheDocumentDoesNotAllow_IsRefusedBeforeAnyReserveWithTheAllowedValues(string user, string command, string attachments, string naming)
    {
        var before = await Host.Client.CreditsAsync(user);
        var files = attachments.Length == 0 ? [] : new[] { ("in.png", TestMedia.Png(40, 30)) };

        var reply = await Host.Client.GetAsync(await Host.Client.PostAsync(user, command, files));

        reply.Status.ShouldBe("refused", reply.Text);
        reply.Text.ShouldContain(naming);
        reply.JobId.ShouldBeNull();
        (await Host.Client.CreditsAsync(user)).ShouldBe(before);
        Emulators.Sum(e => e.Requests.Count(r => r.Method == "POST")).ShouldBe(0);
    }

    [Theory]
    [InlineData("ok-seed", "/imagine a fox --model imagen-4 --seed 42", "seed", "42")]
    [InlineData("ok-speed", "/edit --mode reframe --ar 16:9 --speed turbo --model ideogram-v3-reframe", "rendering_speed", "TURBO")]
    [InlineData("ok-quality", "/edit --mode reframe --ar 16:9 --model ideogram-v3-reframe", "rendering_speed", "BALANCED")]
    public async Task Command_AllowedValueInAnySpelling_IsSentInTheDocumentsSpelling(string user, string command, string field, string sent)
    {
        using var timeout = TestTimeout.Start();
        await using var events = await Host.Client.OpenEventsAsync(timeout.Token);
        var files = command.StartsWith("/edit", StringComparison.Ordinal) ? new[] { ("in.png", TestMedia.Png(40, 30)) } : [];

        var final = await events.WaitForFinalAsync(await Host.Client.PostAsync(user, command, files), timeout.Token);

        final.Status.ShouldBe("succeeded", final.Text);
        AetherWave.LastSubmit!.Field(field).ShouldBe(sent);
    }

    /// <summary>Point 1: <c>--res 480p</c> went out as "480P", which the document does not allow, so the free perk never applied.</summary>
    [Fact]
    public async Task Video_SeedanceLiteI2VFiveSecondsAt480p_IsSentAsTypedAndCostsNothing()
    {
        using var timeout = TestTimeout.Start();
        var before = await Host.Client.CreditsAsync("p1");
        await using var events = await Host.Client.OpenEventsAsync(timeout.Token);

        var replyId = await Host.Client.PostAsync("p1", "/video slow push-in --model seedance-lite-i2v --duration 5 --res 480p", ("in.png", TestMedia.Png(40, 30)));
        var final = await events.WaitForFinalAsync(replyId, timeout.Token);

        final.Status.ShouldBe("succeeded", final.Text);
        AetherWave.LastSubmit!.Field("resolution").ShouldBe("480p");
        (await Host.Client.SettledCreditsAsync("p1", timeout.Token)).ShouldBe(before);
    }

    /// <summary>Point 7: without <c>--duration</c> the bot priced the shortest duration but sent none, so the provider's own default applied.</summary>
    [Fact]
    public async Task Video_NoDuration_SendsTheDurationItPriced()
    {
        using var timeout = TestTimeout.Start();
        var before = await Host.Client.CreditsAsync("p7");
        await using var events = await Host.Client.OpenEventsAsync(timeout.Token);

        var final = await events.WaitForFinalAsync(await Host.Client.PostAsync("p7", "/video a phoenix rising --model kling-2.1-master-t2v"), timeout.Token);

        final.Status.ShouldBe("succeeded", final.Text);
        AetherWave.LastSubmit!.Field("duration").ShouldBe("5");
        AetherWave.DefaultedDurations.ShouldBe(0);
        (before - await Host.Client.SettledCreditsAsync("p7", timeout.Token)).ShouldBe(32 * 5);
    }

    /// <summary>Point 6: the document's storyboard is 10-25 s in total; a 30 s one was sent and charged.</summary>
    [Theory]
    [InlineData("p6-long", "/video desert::10 | hands::10 | road::10 --mode storyboard --model sora-2-pro-storyboard", "10 to 25 seconds in total; yours adds up to 30")]
    [InlineData("p6-short", "/video desert::3 | hands::3 --mode storyboard --model sora-2-pro-storyboard", "yours adds up to 6")]
    public async Task Video_StoryboardOutsideTheDocumentsTotal_IsRefusedBeforeAnyReserve(string user, string command, string naming)
    {
        var before = await Host.Client.CreditsAsync(user);

        var reply = await Host.Client.GetAsync(await Host.Client.PostAsync(user, command));

        reply.Status.ShouldBe("refused", reply.Text);
        reply.Text.ShouldContain(naming);
        (await Host.Client.CreditsAsync(user)).ShouldBe(before);
        AetherWave.Requests.ShouldNotContain(r => r.Method == "POST"); // only the price list was read
    }

    /// <summary>Point 9: auto-routing ignored the inputs and picked an image-to-video model for a prompt alone.</summary>
    [Fact]
    public async Task Video_PromptAloneWithoutAModel_RoutesToATextToVideoModel()
    {
        using var timeout = TestTimeout.Start();
        await using var events = await Host.Client.OpenEventsAsync(timeout.Token);

        var final = await events.WaitForFinalAsync(await Host.Client.PostAsync("p9", "/video waves at sunset"), timeout.Token);

        final.Status.ShouldBe("succeeded", final.Text);
        AetherWave.LastSubmit!.Field("model").ShouldBe("seedance-lite-t2v");
        AetherWave.LastSubmit.Json!.ContainsKey("imageData").ShouldBeFalse();
    }
}
