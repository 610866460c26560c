namespace ChatBot.Providers.Tests.AetherForge;

/// <summary>AetherForge (document 004) over HTTP against its emulator.</summary>
public sealed class AetherForgeProviderTests() : ProviderTestBase<AetherForgeEmulator>(ProviderNames.AetherForgeSection, ProviderNames.AetherForge)
{
    [Fact]
    public async Task Imagine_WithReferences_SendsMultipartAndPollsToSucceed()
    {
        var request = Request(MediaOperation.Imagine, ProviderNames.AetherForge, "Grok Imagine", new CommandOptions { Prompt = "a cat in this style" }, Input(MediaRole.Reference, TestMedia.Png(), fileName: "ref1.png"), Input(MediaRole.Reference, TestMedia.Jpeg(), "image/jpeg", "ref2.jpg"));

        var updates = await RunAsync(CreateSut(), request);

        var sent = Emulator.LastSubmit!;
        sent.Path.ShouldBe("/public/v1/generate/image");
        sent.Headers["Authorization"].ShouldBe($"Bearer {Emulator.ApiKey}");
        sent.ContentType!.ShouldStartWith("multipart/form-data");
        sent.Field("prompt").ShouldBe("a cat in this style");
        sent.Field("ai_model").ShouldBe("Grok Imagine");
        sent.Files.Select(f => f.Field).ShouldBe(["ref_images", "ref_images"]);
        updates.ShouldContain(u => u is ProviderUpdate.Running);
        var done = updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>();
        done.ProviderCost.ShouldBeNull();
        MediaSniffer.Sniff(await ReadAsync(done.Outputs.Single()))!.ContentType.ShouldBe("image/png");
    }

    [Fact]
    public async Task Imagine_NoReferences_SendsNoFiles()
    {
        var updates = await RunAsync(CreateSut(), Request(MediaOperation.Imagine, ProviderNames.AetherForge, "GPT Image 1.5", new CommandOptions { Prompt = "sunset" }));

        Emulator.LastSubmit!.Files.ShouldBeEmpty();
        updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>();
    }

    [Fact]
    public async Task Vary_Image_SendsItAsReference()
    {
        var updates = await RunAsync(CreateSut(), Request(MediaOperation.Vary, ProviderNames.AetherForge, "Nano Banana", new CommandOptions { Prompt = "same, at night" }, Input(MediaRole.Image, TestMedia.Png())));

        Emulator.LastSubmit!.Files.ShouldHaveSingleItem().Field.ShouldBe("ref_images");
        updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>();
    }

    [Theory]
    [InlineData("Grok Imagine", 6, "The Grok Imagine model supports up to 5 ref_images.")]
    [InlineData("Grok Imagine Pro", 2, "The Grok Imagine Pro model supports up to 1 ref_images.")]
    [InlineData("GPT Image 1.5", 11, "ref_images supports up to 10 images only")]
    [InlineData("Nano Banana Pro", 11, "ref_images supports up to 10 images only")]
    public async Task Submit_TooManyReferences_RefusedBeforeSendingWithTheDocumentsMessage(string model, int count, string message)
    {
        var inputs = Enumerable.Range(0, count).Select(i => Input(MediaRole.Reference, TestMedia.Png(), fileName: $"r{i}.png")).ToArray();

        var e = await Should.ThrowAsync<ProviderException>(() => CreateSut().SubmitAsync(Request(MediaOperation.Imagine, ProviderNames.AetherForge, model, new CommandOptions { Prompt = "x" }, inputs), CancellationToken.None));

        e.Message.ShouldBe(message);
        Emulator.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Grok Imagine", 5)]
    [InlineData("Grok Imagine Pro", 1)]
    [InlineData("Nano Banana 2", 10)]
    public async Task Submit_ReferencesAtTheLimit_AreAccepted(string model, int count)
    {
        var inputs = Enumerable.Range(0, count).Select(i => Input(MediaRole.Reference, TestMedia.Png(), fileName: $"r{i}.png")).ToArray();

        var updates = await RunAsync(CreateSut(), Request(MediaOperation.Imagine, ProviderNames.AetherForge, model, new CommandOptions { Prompt = "x" }, inputs));

        updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>();
        Emulator.LastSubmit!.Files.Count.ShouldBe(count);
    }

    [Fact]
    public async Task Submit_ReferenceThatIsNoImage_RefusedWithInvalidImageFile()
    {
        var e = await Should.ThrowAsync<ProviderException>(() => CreateSut().SubmitAsync(Request(MediaOperation.Imagine, ProviderNames.AetherForge, "Nano Banana", new CommandOptions { Prompt = "x" }, Input(MediaRole.Reference, "not an image"u8.ToArray(), "image/png", "x.png")), CancellationToken.None));

        e.Message.ShouldBe("Invalid image file");
    }

    [Fact]
    public async Task Track_JobFails_FailsWithReason()
    {
        Emulator.Faults.TaskFails = true;

        var updates = await RunAsync(CreateSut(), Imagine());

        updates[^1].ShouldBeOfType<ProviderUpdate.Failed>().UserMessage.ShouldContain("Content generation failed");
    }

    [Fact]
    public async Task Submit_AuthRefused_ThrowsAuthError()
    {
        Emulator.Faults.RejectAuth = true;

        var e = await Should.ThrowAsync<ProviderException>(() => CreateSut().SubmitAsync(Imagine(), CancellationToken.None));

        e.Code.ShouldBe("provider_auth");
        e.Message.ShouldNotContain(Emulator.ApiKey);
    }

    [Fact]
    public async Task Submit_TimeoutAfterAcceptance_NeverCreatesASecondJob()
    {
        Emulator.Faults.DelayAfterAccept = TimeSpan.FromSeconds(10);
        var sut = CreateSut(s => s["Providers:AetherForge:SubmitTimeout"] = "00:00:01.500");

        var e = await Should.ThrowAsync<ProviderException>(() => sut.SubmitAsync(Imagine(), CancellationToken.None));

        e.Code.ShouldBe("provider_timeout");
        Emulator.SubmitCount.ShouldBe(1);
    }

    [Fact]
    public async Task Track_Status500ThenOk_Retries()
    {
        Emulator.Faults.Scope = FaultScope.Status;
        Emulator.Faults.ServerErrors = 2;

        (await RunAsync(CreateSut(), Imagine()))[^1].ShouldBeOfType<ProviderUpdate.Succeeded>();
    }

    [Fact]
    public async Task Track_Status429WithRetryAfter_Retries()
    {
        Emulator.Faults.Scope = FaultScope.Status;
        Emulator.Faults.RateLimits = 1;

        (await RunAsync(CreateSut(), Imagine()))[^1].ShouldBeOfType<ProviderUpdate.Succeeded>();
    }

    [Fact]
    public async Task Track_MalformedStatus_FailsClearly()
    {
        Emulator.Faults.Scope = FaultScope.Status;
        Emulator.Faults.MalformedJson = true;

        (await RunAsync(CreateSut(), Imagine()))[^1].ShouldBeOfType<ProviderUpdate.Failed>().Code.ShouldBe("malformed_answer");
    }

    [Fact]
    public async Task Open_Result404_ThrowsResultMissing()
    {
        Emulator.Faults.ResultNotFound = true;

        var done = (await RunAsync(CreateSut(), Imagine()))[^1].ShouldBeOfType<ProviderUpdate.Succeeded>();

        (await Should.ThrowAsync<ProviderException>(() => ReadAsync(done.Outputs[0]))).Code.ShouldBe("result_missing");
    }

    [Fact]
    public async Task Track_ResultOnForeignHost_IsRefused()
    {
        Emulator.Faults.ForeignResultHost = true;

        (await RunAsync(CreateSut(), Imagine()))[^1].ShouldBeOfType<ProviderUpdate.Failed>().Code.ShouldBe("result_host_refused");
    }

    [Fact]
    public void Provider_WithoutKey_IsUnavailable() => CreateSut(apiKey: null).IsAvailable.ShouldBeFalse();

    private static MediaRequest Imagine() => Request(MediaOperation.Imagine, ProviderNames.AetherForge, "GPT Image 2", new CommandOptions { Prompt = "sunset" });
}
