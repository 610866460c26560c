using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Providers.Tests;

/// <summary>Core's router over the real catalog and the real adapters: a missing key or an open circuit sends the job elsewhere.</summary>
public sealed class ProviderRoutingTests : IAsyncLifetime
{
    private readonly AetherWaveEmulator _aetherWave = new();
    private readonly BlackwaveEmulator _blackwave = new();
    private ProviderHarness? _harness;

    public async Task InitializeAsync()
    {
        await _aetherWave.StartAsync();
        await _blackwave.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }

        await _aetherWave.DisposeAsync();
        await _blackwave.DisposeAsync();
    }

    [Fact]
    public void Route_NamedModelWhoseProviderHasNoKey_FallsBackAndSaysWhichProviderRuns()
    {
        var router = CreateSut(aetherWaveKey: null);

        var routed = router.Route(MediaOperation.Imagine, "imagen-4").ShouldBeOfType<RouteResult.Routed>();

        routed.Provider.Name.ShouldNotBe(ProviderNames.AetherWave);
        routed.Provider.IsAvailable.ShouldBeTrue();
        routed.Note.ShouldNotBeNull().ShouldContain("AetherWave Studio is unavailable");
        routed.Note.ShouldContain(router.DisplayName(routed.Provider.Name));
    }

    [Fact]
    public async Task Route_ProviderWithOpenCircuit_IsSkippedUntilItRecovers()
    {
        var router = CreateSut(aetherWaveKey: _aetherWave.ApiKey);
        router.Route(MediaOperation.Inpaint, "ideogram-v3-edit").ShouldBeOfType<RouteResult.Routed>().Provider.Name.ShouldBe(ProviderNames.AetherWave);
        _aetherWave.Faults.Scope = FaultScope.Status;
        _aetherWave.Faults.ServerErrors = 1000;

        var aetherWave = router.FindProvider(ProviderNames.AetherWave)!;
        await RunAsync(aetherWave, Request(MediaOperation.Imagine, ProviderNames.AetherWave, "imagen-4", new CommandOptions { Prompt = "fox" }));

        aetherWave.IsAvailable.ShouldBeFalse();
        var routed = router.Route(MediaOperation.Inpaint, "ideogram-v3-edit").ShouldBeOfType<RouteResult.Routed>();
        routed.Provider.Name.ShouldBe(ProviderNames.Blackwave);
        routed.Note.ShouldNotBeNull().ShouldContain("Blackwave Studio");
    }

    [Fact]
    public void Route_Auto_PicksTheCheapestAvailableModelForTheOperation()
    {
        var router = CreateSut(aetherWaveKey: _aetherWave.ApiKey);

        // Among the remote models: Blackwave's 4 credits beat AetherWave's cheapest text-to-image (5).
        var inpaint = router.Route(MediaOperation.Inpaint, "auto").ShouldBeOfType<RouteResult.Routed>();
        inpaint.Provider.Name.ShouldBe(ProviderNames.Blackwave);
        router.Route(MediaOperation.AlbumArt, "auto").ShouldBeOfType<RouteResult.Routed>().Model.Id.ShouldBe("aetherwave-album-art");
        router.Route(MediaOperation.Social, "auto").ShouldBeOfType<RouteResult.Unroutable>(); // Image Studio has no key here
    }

    [Fact]
    public void Route_VideoModelOfUnconfiguredProvider_FallsBackToAnotherVideoProviderAndSaysSo()
    {
        var router = CreateSut(aetherWaveKey: null);

        var routed = router.Route(MediaOperation.Video, "kling-2.6-t2v").ShouldBeOfType<RouteResult.Routed>();

        routed.Provider.Name.ShouldNotBe(ProviderNames.AetherWave);
        routed.Model.Supports(MediaOperation.Video).ShouldBeTrue();
        routed.Note.ShouldNotBeNull().ShouldContain("AetherWave Studio is unavailable");
    }

    private ProviderRouter CreateSut(string? aetherWaveKey)
    {
        _harness = Create(ProviderNames.AetherWaveSection, _aetherWave.BaseUrl, aetherWaveKey, s =>
        {
            s["Providers:AetherWave:CircuitMinimumThroughput"] = "2";
            s["Providers:Blackwave:BaseUrl"] = _blackwave.BaseUrl.ToString();
            s["Providers:Blackwave:ApiKey"] = _blackwave.ApiKey;
        });
        var catalog = ModelCatalog.Load(ModelCatalogFileTests.CatalogPath());
        return new ProviderRouter(catalog, _harness.Services.GetServices<IMediaProvider>());
    }
}
