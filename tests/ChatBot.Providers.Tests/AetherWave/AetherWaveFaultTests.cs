namespace ChatBot.Providers.Tests.AetherWave;

/// <summary>AetherWave's emulator misbehaves; every fault ends in a clear answer, never a hang or a second job.</summary>
public sealed class AetherWaveFaultTests() : ProviderTestBase<AetherWaveEmulator>(ProviderNames.AetherWaveSection, ProviderNames.AetherWave)
{
    [Fact]
    public async Task Track_TaskFails_FailsWithProviderReason()
    {
        Emulator.Faults.TaskFails = true;

        var updates = await RunAsync(CreateSut(), Imagine());

        var failed = updates[^1].ShouldBeOfType<ProviderUpdate.Failed>();
        failed.Code.ShouldBe("generation_failed");
        failed.UserMessage.ShouldContain("Content generation failed");
    }

    [Fact]
    public async Task Track_StatusAnswers500Twice_RetriesAndSucceeds()
    {
        Emulator.Faults.Scope = FaultScope.Status;
        Emulator.Faults.ServerErrors = 2;

        var updates = await RunAsync(CreateSut(), Imagine());

        updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>();
    }

    [Fact]
    public async Task Track_StatusAlways500_FailsClearlyAndOpensTheCircuit()
    {
        Emulator.Faults.Scope = FaultScope.Status;
        Emulator.Faults.ServerErrors = 1000;
        var sut = CreateSut(s => s["Providers:AetherWave:CircuitMinimumThroughput"] = "2");

        var updates = await RunAsync(sut, Imagine());

        updates[^1].ShouldBeOfType<ProviderUpdate.Failed>().Retryable.ShouldBeTrue();
        sut.IsAvailable.ShouldBeFalse();
    }

    [Fact]
    public async Task Submit_429WithRetryAfter_RetriedAndCreatesOneJob()
    {
        Emulator.Faults.Scope = FaultScope.Submit;
        Emulator.Faults.RateLimits = 1;
        Emulator.Faults.RetryAfterSeconds = 1;

        var updates = await RunAsync(CreateSut(), Imagine());

        updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>();
        Emulator.SubmitCount.ShouldBe(1);
        Emulator.Requests.Count(r => r.Path == "/api/generate-image").ShouldBe(1); // the 429 was answered before recording
    }

    [Fact]
    public async Task Submit_500_IsNotRetriedAndFailsClearly()
    {
        Emulator.Faults.Scope = FaultScope.Submit;
        Emulator.Faults.ServerErrors = 5;

        var e = await Should.ThrowAsync<ProviderException>(() => CreateSut().SubmitAsync(Imagine(), CancellationToken.None));

        e.Code.ShouldBe("provider_error");
        Emulator.Faults.ServerErrors.ShouldBe(4); // exactly one attempt reached the server
    }

    [Fact]
    public async Task Submit_TimeoutAfterProviderAccepted_NeverCreatesASecondJob()
    {
        Emulator.Faults.DelayAfterAccept = TimeSpan.FromSeconds(10);
        var sut = CreateSut(s => s["Providers:AetherWave:SubmitTimeout"] = "00:00:01.500");

        var e = await Should.ThrowAsync<ProviderException>(() => sut.SubmitAsync(Imagine(), CancellationToken.None));

        e.Code.ShouldBe("provider_timeout");
        e.NeverReachedProvider.ShouldBeFalse();
        Emulator.SubmitCount.ShouldBe(1);
    }

    [Fact]
    public async Task Track_SlowStatusAnswers_TimesOutEachAttemptAndFails()
    {
        var sut = CreateSut(s =>
        {
            s["Providers:AetherWave:AttemptTimeout"] = "00:00:00.200";
            s["Providers:AetherWave:MaxRetries"] = "1";
        });
        var request = Imagine();
        var submission = await sut.SubmitAsync(request, CancellationToken.None);
        Emulator.Faults.Scope = FaultScope.Status;
        Emulator.Faults.Delay = TimeSpan.FromSeconds(10);

        var updates = await TrackAsync(sut, request, submission);

        updates[^1].ShouldBeOfType<ProviderUpdate.Failed>().Code.ShouldBe("provider_timeout");
    }

    [Fact]
    public async Task Track_MalformedStatusJson_FailsClearly()
    {
        Emulator.Faults.Scope = FaultScope.Status;
        Emulator.Faults.MalformedJson = true;

        var updates = await RunAsync(CreateSut(), Imagine());

        updates[^1].ShouldBeOfType<ProviderUpdate.Failed>().Code.ShouldBe("malformed_answer");
    }

    [Fact]
    public async Task Submit_KeyRefused_ThrowsAuthErrorWithoutTheKey()
    {
        Emulator.Faults.RejectAuth = true;

        var e = await Should.ThrowAsync<ProviderException>(() => CreateSut().SubmitAsync(Imagine(), CancellationToken.None));

        e.Code.ShouldBe("provider_auth");
        e.Message.ShouldNotContain(Emulator.ApiKey);
    }

    [Fact]
    public async Task Open_ResultUrl404_ThrowsResultMissing()
    {
        Emulator.Faults.ResultNotFound = true;

        var updates = await RunAsync(CreateSut(), Imagine());

        var done = updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>();
        var e = await Should.ThrowAsync<ProviderException>(() => ReadAsync(done.Outputs[0]));
        e.Code.ShouldBe("result_missing");
    }

    [Fact]
    public async Task Track_ResultOnForeignHost_RefusesToDownload()
    {
        Emulator.Faults.ForeignResultHost = true;

        var updates = await RunAsync(CreateSut(), Imagine());

        updates[^1].ShouldBeOfType<ProviderUpdate.Failed>().Code.ShouldBe("result_host_refused");
    }

    [Fact]
    public async Task Track_ResultOnConfiguredMediaHost_IsAccepted()
    {
        Emulator.Faults.ForeignResultHost = true;
        var sut = CreateSut(s => s["Providers:AetherWave:MediaHosts:0"] = "localhost");

        var updates = await RunAsync(sut, Imagine());

        var done = updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>();
        (await ReadAsync(done.Outputs[0])).Length.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Open_ResultLargerThanCap_ThrowsTooLarge()
    {
        var sut = CreateSut(s => s["Providers:AetherWave:MaxResultBytes"] = "1024");
        var updates = await RunAsync(sut, Imagine());

        var done = updates[^1].ShouldBeOfType<ProviderUpdate.Succeeded>();
        var bigVideo = await RunAsync(sut, Request(MediaOperation.Video, ProviderNames.AetherWave, "kling-2.1-pro", new CommandOptions { Prompt = "x" }, Input(MediaRole.Image, TestMedia.Png())));
        var e = await Should.ThrowAsync<ProviderException>(() => ReadAsync(bigVideo[^1].ShouldBeOfType<ProviderUpdate.Succeeded>().Outputs[0]));
        e.Code.ShouldBe("result_too_large");
        (await ReadAsync(done.Outputs[0])).Length.ShouldBeLessThan(1024);
    }

    [Fact]
    public async Task Provider_WithoutKey_IsUnavailableAndRefusesWithoutCalling()
    {
        var sut = CreateSut(apiKey: null);

        sut.IsAvailable.ShouldBeFalse();
        var e = await Should.ThrowAsync<ProviderException>(() => sut.SubmitAsync(Imagine(), CancellationToken.None));
        e.NeverReachedProvider.ShouldBeTrue();
        Emulator.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Submit_ConnectionRefused_SaysItNeverReachedTheProvider()
    {
        var closedPort = new Uri("http://127.0.0.1:9/");
        var harness = Harness(closedPort, "k");

        var e = await Should.ThrowAsync<ProviderException>(() => harness.Provider(ProviderNames.AetherWave).SubmitAsync(Imagine(), CancellationToken.None));

        e.NeverReachedProvider.ShouldBeTrue();
        e.Retryable.ShouldBeTrue();
    }

    private static MediaRequest Imagine() => Request(MediaOperation.Imagine, ProviderNames.AetherWave, "imagen-4", new CommandOptions { Prompt = "fox" });
}
