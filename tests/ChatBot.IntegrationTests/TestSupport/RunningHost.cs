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

    private RunningHost(WebApplication app, TempDirectory data, Uri address)
    {
        _app = app;
        _data = data;
        Address = address;
        Client = new PlaygroundClient(address);
    }

    public Uri Address { get; }

    public PlaygroundClient Client { get; }

    public string DatabasePath => _data.File("chatbot.db");

    public static async Task<RunningHost> StartAsync(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var data = new TempDirectory();
        var builder = ChatBotHost.CreateBuilder(["--urls", "http://127.0.0.1:0"]);
        var settings = HostSettings.For(data, TimeSpan.Zero);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        var app = ChatBotHost.Build(builder);
        await app.StartAsync();
        var address = new Uri(app.Urls.Single(u => u.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)));
        return new RunningHost(app, data, address);
    }

    public T GetService<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _data.Dispose();
    }
}
