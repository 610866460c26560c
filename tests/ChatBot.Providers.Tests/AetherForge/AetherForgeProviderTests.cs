using ChatBot.Core.Catalog;
using ChatBot.Core.Model;
using ChatBot.Core.Media;
using ChatBot.Core.Providers;
using ChatBot.Emulators.Providers;
using static ChatBot.Providers.Tests.ProviderHarness;

namespace ChatBot.Providers.Tests.AetherForge;

/// <summary>AetherForge (document 004) over HTTP against its emulator.</summary>
public sealed class AetherForgeProviderTests : IAsyncLifetime
{
    private readonly AetherForgeEmulator _emulator = new();
    private readonly List<ProviderHarness> _harnesses = [];

    public Task InitializeAsync() => _emulator.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var harness in _harnesses)
        {
            await harness.DisposeAsync();
        }

        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Imagine_WithReferences_SendsMultipartAndPollsToSucceed()
    {
        var request = Request(MediaOperation.Imagine, ProviderNames.AetherForge, "Grok Imagine", new CommandOptions { Prompt = "a cat in this style" }, Input(MediaRole.Reference, TestMedia.Png(), fileName: "ref1.png"), Input(MediaRole.Reference, TestMedia.Jpeg(), "image/jpeg", "ref2.jpg"));

        var updates = await RunAsync(Sut(), request);

        var sent = _emulator.LastSubmit!;
        sent.Path.ShouldBe("/public/v1/generate/image");
        sent.Headers["Authorization"].ShouldBe($"Bearer {_emulator.ApiKey}");
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
        var updates = await RunAsync(Sut(), Request(MediaOperation.Imagine, ProviderNames.AetherForge, "GPT Image 1.5", new CommandOptions { Prompt = "sunset" }));

        _emulator.LastSubmit!.Files.ShouldBeEmpty();
        updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>();
    }

    [Fact]
    public async Task Vary_Image_SendsItAsReference()
    {
        var updates = await RunAsync(Sut(), Request(MediaOperation.Vary, ProviderNames.AetherForge, "Nano Banana", new CommandOptions { Prompt = "same, at night" }, Input(MediaRole.Image, TestMedia.Png())));

        _emulator.LastSubmit!.Files.ShouldHaveSingleItem().Field.ShouldBe("ref_images");
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

        var e = await Should.ThrowAsync<ProviderException>(() => Sut().SubmitAsync(Request(MediaOperation.Imagine, ProviderNames.AetherForge, model, new CommandOptions { Prompt = "x" }, inputs), CancellationToken.None));

        e.Message.ShouldBe(message);
        _emulator.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Grok Imagine", 5)]
    [InlineData("Grok Imagine Pro", 1)]
    [InlineData("Nano Banana 2", 10)]
    public async Task Submit_ReferencesAtTheLimit_AreAccepted(string model, int count)
    {
        var inputs = Enumerable.Range(0, count).Select(i => Input(MediaRole.Reference, TestMedia.Png(), fileName: $"r{i}.png")).ToArray();

        var updates = await RunAsync(Sut(), Request(MediaOperation.Imagine, ProviderNames.AetherForge, model, new CommandOptions { Prompt = "x" }, inputs));

        updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>();
        _emulator.LastSubmit!.Files.Count.ShouldBe(count);
    }

    [Fact]
    public async Task Submit_ReferenceThatIsNoImage_RefusedWithInvalidImageFile()
    {
        var e = await Should.ThrowAsync<ProviderException>(() => Sut().SubmitAsync(Request(MediaOperation.Imagine, ProviderNames.AetherForge, "Nano Banana", new CommandOptions { Prompt = "x" }, Input(MediaRole.Reference, "not an image"u8.ToArray(), "image/png", "x.png")), CancellationToken.None));

        e.Message.ShouldBe("Invalid image file");
    }

    [Fact]
    public async Task Track_JobFails_FailsWithReason()
    {
        _emulator.Faults.TaskFails = true;

        var updates = await RunAsync(Sut(), Imagine());

        updates[^1].ShouldBeOfType<ProviderUpdate.Failed>().UserMessage.ShouldContain("Content generation failed");
    }

    [Fact]
    public async Task Submit_AuthRefused_ThrowsAuthError()
    {
        _emulator.Faults.RejectAuth = true;

        var e = await Should.ThrowAsync<ProviderException>(() => Sut().SubmitAsync(Imagine(), CancellationToken.None));

        e.Code.ShouldBe("provider_auth");
        e.Message.ShouldNotContain(_emulator.ApiKey);
    }

    [Fact]
    public async Task Submit_TimeoutAfterAcceptance_NeverCreatesASecondJob()
    {
        _emulator.Faults.DelayAfterAccept = TimeSpan.FromSeconds(10);
        var sut = Sut(s => s["Providers:AetherForge:SubmitTimeout"] = "00:00:01.500");

        var e = await Should.ThrowAsync<ProviderException>(() => sut.SubmitAsync(Imagine(), CancellationToken.None));

        e.Code.ShouldBe("provider_timeout");
        _emulator.SubmitCount.ShouldBe(1);
    }

    [Fact]
    public async Task Track_Status500ThenOk_Retries()
    {
        _emulator.Faults.Scope = FaultScope.Status;
        _emulator.Faults.ServerErrors = 2;

        (await RunAsync(Sut(), Imagine()))[^1].ShouldBeOfType<ProviderUpdate.Succeeded>();
    }

    [Fact]
    public async Task Track_Status429WithRetryAfter_Retries()
    {
        _emulator.Faults.Scope = FaultScope.Status;
        _emulator.Faults.RateLimits = 1;

        (await RunAsync(Sut(), Imagine()))[^1].ShouldBeOfType<ProviderUpdate.Succeeded>();
    }

    [Fact]
    public async Task Track_MalformedStatus_FailsClearly()
    {
        _emulator.Faults.Scope = FaultScope.Status;
        _emulator.Faults.MalformedJson = true;

        (await RunAsync(Sut(), Imagine()))[^1].ShouldBeOfType<ProviderUpdate.Failed>().Code.ShouldBe("malformed_answer");
    }

    [Fact]
    public async Task Open_Result404_ThrowsResultMissing()
    {
        _emulator.Faults.ResultNotFound = true;

        var done = (await RunAsync(Sut(), Imagine()))[^1].ShouldBeOfType<ProviderUpdate.Succeeded>();

        (await Should.ThrowAsync<ProviderException>(() => ReadAsync(done.Outputs[0]))).Code.ShouldBe("result_missing");
    }

    [Fact]
    public async Task Track_ResultOnForeignHost_IsRefused()
    {
        _emulator.Faults.ForeignResultHost = true;

        (await RunAsync(Sut(), Imagine()))[^1].ShouldBeOfType<ProviderUpdate.Failed>().Code.ShouldBe("result_host_refused");
    }

    [Fact]
    public void Provider_WithoutKey_IsUnavailable() => Sut(apiKey: null).IsAvailable.ShouldBeFalse();

    private static MediaRequest Imagine() => Request(MediaOperation.Imagine, ProviderNames.AetherForge, "GPT Image 2", new CommandOptions { Prompt = "sunset" });

    private IMediaProvider Sut(Action<Dictionary<string, string?>>? configure = null, string? apiKey = "emulator-key")
    {
        var harness = Create(ProviderNames.AetherForgeSection, _emulator.BaseUrl, apiKey, configure);
        _harnesses.Add(harness);
        return harness.Provider(ProviderNames.AetherForge);
    }
}
