using ChatBot.Emulators.Providers;
using ChatBot.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.IntegrationTests.TestSupport;

/// <summary>
/// The real host, composed exactly as Program.cs does, in this process, on 127.0.0.1 with a free port,
/// over a temporary data folder and SQLite file.
/// </summary>
internal sealed class RunningHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TempDirectory _data;
    private readonly IReadOnlyCollection<IAsyncDisposable> _peers;
    private readonly IReadOnlyDictionary<string, string?>? _overrides;
    private readonly Action<IServiceCollection>? _services;
    private bool _handedOver;

    private RunningHost(WebApplication app, TempDirectory data, Uri address, IReadOnlyCollection<IAsyncDisposable> peers, IReadOnlyDictionary<string, string?>? overrides, Action<IServiceCollection>? services)
    {
        _app = app;
        _data = data;
        _peers = peers;
        _overrides = overrides;
        _services = services;
        Address = address;
        Client = new PlaygroundClient(address);
    }

    public Uri Address { get; }

    public PlaygroundClient Client { get; }

    public string DatabasePath => _data.File("chatbot.db");

    public string MediaPath => _data.File("media");

    /// <summary>The token of the one-time sign-in link the host printed (no admin password is set), or null.</summary>
    public string? SignInToken => GetService<ChatBot.Host.Playground.Access.PlaygroundSignInLink>().Token;

    /// <summary>A client of the page's kind: a cookie session, no API token, not yet signed in.</summary>
    public PlaygroundSessionClient NewSession() => new(Address);

    public static Task<RunningHost> StartAsync(IReadOnlyDictionary<string, string?>? overrides = null) => StartWithPeersAsync(overrides, [], null);

    /// <summary>Starts the host with <paramref name="services"/> applied after the host's own registrations (e.g. to wrap a store).</summary>
    public static Task<RunningHost> StartAsync(IReadOnlyDictionary<string, string?>? overrides, Action<IServiceCollection> services) =>
        StartWithPeersAsync(overrides, [], services);

    /// <summary>
    /// Starts the provider emulators, then the host with each named provider section (<c>Providers:{section}</c>)
    /// pointed at its emulator and polling fast. The host disposes the emulators after itself.
    /// </summary>
    public static async Task<RunningHost> StartAgainstAsync(IReadOnlyDictionary<string, ProviderEmulator> providers, Dictionary<string, string?> overrides)
    {
        await Task.WhenAll(providers.Values.Select(emulator => emulator.StartAsync()));
        foreach (var (section, emulator) in providers)
        {
            overrides[$"Providers:{section}:BaseUrl"] = emulator.BaseUrl.ToString();
            overrides[$"Providers:{section}:ApiKey"] = emulator.ApiKey;
            overrides[$"Providers:{section}:PollInterval"] = "00:00:00.020";
            overrides[$"Providers:{section}:RetryDelay"] = "00:00:00.020";
        }

        return await StartWithPeersAsync(overrides, [.. providers.Values], null);
    }

    /// <summary>
    /// Stops this host as a shutdown would and starts another on the same data folder, settings and peers (on a new
    /// port, with a new sign-in link); the new host owns them from now on, and disposing this one does nothing more.
    /// </summary>
    public async Task<RunningHost> RestartAsync()
    {
        _handedOver = true;
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        return await StartWithPeersAsync(_overrides, _peers, _services, _data);
    }

    private static async Task<RunningHost> StartWithPeersAsync(IReadOnlyDictionary<string, string?>? overrides, IReadOnlyCollection<IAsyncDisposable> peers, Action<IServiceCollection>? services, TempDirectory? kept = null)
    {
        var data = kept ?? new TempDirectory();
        var settings = HostSettings.For(data, TimeSpan.Zero);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        // The store and the roles are chosen while the host is composed (from files, environment and command line), so they go there.
        var builder = ChatBotHost.CreateBuilder(
            ["--urls", "http://127.0.0.1:0", .. settings.Where(s => s.Key.Equals("Storage:Provider", StringComparison.OrdinalIgnoreCase) || s.Key.Equals("Host:Roles", StringComparison.OrdinalIgnoreCase)).Select(s => $"--{s.Key}={s.Value}")]);

        builder.Configuration.AddInMemoryCollection(settings);
        services?.Invoke(builder.Services);
        var app = ChatBotHost.Build(builder);
        await app.StartAsync();
        var address = new Uri(app.Urls.Single(u => u.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)));
        return new RunningHost(app, data, address, peers, overrides, services);
    }

    public T GetService<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        if (_handedOver)
        {
            return;
        }

        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Task.WhenAll(_peers.Select(peer => peer.DisposeAsync().AsTask()));
        _data.Dispose();
    }
}
