using System.Net;
using ChatBot.Core.Commands;
using ChatBot.Core.Replies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ChatBot.Slack.Tests.Support;

/// <summary>
/// The Slack adapter in a real host on 127.0.0.1 (for HTTP mode), wired to a <see cref="SlackEmulator"/>,
/// with a <see cref="RecordingDispatcher"/> in place of the job engine.
/// </summary>
public sealed class SlackHost(SlackEmulator emulator, WebApplication app, RecordingDispatcher dispatcher) : IAsyncDisposable
{
    public SlackEmulator Emulator => emulator;

    public WebApplication App => app;

    public RecordingDispatcher Dispatcher => dispatcher;

    /// <summary>Where the host listens (its port is chosen when it starts).</summary>
    public Uri BaseUri => new(app.Urls.First().TrimEnd('/') + "/");

    public HttpClient Http { get; } = new();

    public T Get<T>()
        where T : notnull => app.Services.GetRequiredService<T>();

    public static async Task<SlackHost> StartAsync(SlackMode mode, Action<Dictionary<string, string?>>? configure = null, Action<IServiceCollection>? services = null, Action<SlackEmulator>? emulatorSetup = null)
    {
        var emulator = await SlackEmulator.StartAsync(emulatorSetup);
        var settings = SlackServices.Settings(emulator);
        settings["Slack:FileSharePollInterval"] = "00:00:00.010";
        settings["Slack:Mode"] = mode.ToString();
        if (mode == SlackMode.Http)
        {
            settings.Remove("Slack:AppToken");
            settings["Slack:SigningSecret"] = emulator.SigningSecret;
        }

        configure?.Invoke(settings);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var dispatcher = new RecordingDispatcher();
        builder.Services.AddSingleton<ICommandDispatcher>(dispatcher);
        builder.Services.AddSlack();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        dispatcher.Replies = app.Services.GetRequiredService<IChatReplies>();
        app.MapSlack();
        await app.StartAsync();
        return new SlackHost(emulator, app, dispatcher);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        await emulator.DisposeAsync();
    }
}
