using System.Net;
using ChatBot.Core.Commands;
using ChatBot.Core.Replies;
using ChatBot.Emulators.Slack;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Slack.Tests.Support;

/// <summary>
/// The Slack adapter in a real host on 127.0.0.1 (for HTTP mode), wired to a <see cref="SlackEmulator"/>,
/// with a <see cref="RecordingDispatcher"/> in place of the job engine.
/// </summary>
public sealed class SlackHost : IAsyncDisposable
{
    private SlackHost(SlackEmulator emulator, WebApplication app, RecordingDispatcher dispatcher)
    {
        Emulator = emulator;
        App = app;
        Dispatcher = dispatcher;
    }

    public SlackEmulator Emulator { get; }
    public WebApplication App { get; }
    public RecordingDispatcher Dispatcher { get; }
    public Uri BaseUri { get; private set; } = null!;
    public HttpClient Http { get; } = new();

    public T Get<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    public static async Task<SlackHost> StartAsync(SlackMode mode, Action<Dictionary<string, string?>>? configure = null, Action<IServiceCollection>? services = null, Action<SlackEmulator>? emulatorSetup = null)
    {
        var emulator = await SlackEmulator.StartAsync(emulatorSetup);
        var settings = new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = emulator.BotToken,
            ["Slack:ApiBaseUrl"] = emulator.ApiBaseUrl,
            ["Slack:FileHosts:0"] = emulator.FileHost,
            ["Slack:FileSharePollInterval"] = "00:00:00.010",
            ["Slack:Mode"] = mode.ToString(),
        };
        if (mode == SlackMode.Socket)
        {
            settings["Slack:AppToken"] = emulator.AppToken;
        }
        else
        {
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
        var host = new SlackHost(emulator, app, dispatcher);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.BaseUri = new Uri(address.TrimEnd('/') + "/");
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
