namespace ChatBot.Providers.Tests;

/// <summary>
/// The preamble every emulator-backed provider test shares: one emulator per test, started before and stopped
/// after it, and the real provider registrations pointed at it (<see cref="CreateSut"/> for a fresh set-up with
/// other settings, <see cref="Sut"/> for the default one).
/// </summary>
public abstract class ProviderTestBase<TEmulator>(string section, string providerName) : IAsyncLifetime
    where TEmulator : ProviderEmulator, new()
{
    private readonly List<ProviderHarness> _harnesses = [];
    private IMediaProvider? _sut;

    protected TEmulator Emulator { get; } = new();

    /// <summary>The provider with the test settings and the emulator's key, made once per test.</summary>
    protected IMediaProvider Sut => _sut ??= CreateSut();

    public Task InitializeAsync() => Emulator.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var harness in _harnesses)
        {
            await harness.DisposeAsync();
        }

        await Emulator.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A fresh provider (own circuit breaker, own options) pointed at the emulator.</summary>
    protected IMediaProvider CreateSut(Action<Dictionary<string, string?>>? configure = null, string? apiKey = "emulator-key") =>
        Harness(Emulator.BaseUrl, apiKey, configure).Provider(providerName);

    /// <summary>A harness for this provider's section at any address; disposed with the test.</summary>
    private protected ProviderHarness Harness(Uri? baseUrl, string? apiKey, Action<Dictionary<string, string?>>? configure = null)
    {
        var harness = Create(section, baseUrl, apiKey, configure);
        _harnesses.Add(harness);
        return harness;
    }
}
