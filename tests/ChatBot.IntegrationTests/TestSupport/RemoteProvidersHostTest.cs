using ChatBot.Emulators.Providers;

namespace ChatBot.IntegrationTests.TestSupport;

/// <summary>The whole host against the four remote providers' emulators, with a generous daily allowance.</summary>
public abstract class RemoteProvidersHostTest : IAsyncLifetime
{
    /// <summary>The Playground user who is an admin (for /settings).</summary>
    protected const string Admin = "boss";

    protected AetherWaveEmulator AetherWave { get; } = new();

    protected ImageStudioEmulator ImageStudio { get; } = new();

    protected BlackwaveEmulator Blackwave { get; } = new();

    protected AetherForgeEmulator AetherForge { get; } = new();

    private protected RunningHost Host { get; private set; } = null!;

    protected IEnumerable<ProviderEmulator> Emulators => [AetherWave, ImageStudio, Blackwave, AetherForge];

    public async Task InitializeAsync() => Host = await RunningHost.StartAgainstAsync(
        new Dictionary<string, ProviderEmulator> { ["AetherWave"] = AetherWave, ["ImageStudio"] = ImageStudio, ["Blackwave"] = Blackwave, ["AetherForge"] = AetherForge },
        new(StringComparer.OrdinalIgnoreCase) { ["Credits:DefaultDailyAllowance"] = "1000", ["Playground:Admin"] = Admin });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
