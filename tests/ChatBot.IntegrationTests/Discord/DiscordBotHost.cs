using ChatBot.Core;
using ChatBot.Core.Jobs;
using ChatBot.Core.Providers;
using ChatBot.Discord;
using ChatBot.Emulators.Discord;
using ChatBot.Emulators.Hosting;
using ChatBot.Host.Regions;
using ChatBot.IntegrationTests.TestSupport;
using ChatBot.Providers;
using ChatBot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.IntegrationTests.Discord;

/// <summary>
/// The whole bot — engine, SQLite storage and the Discord adapter — against the Discord emulator, with
/// a scripted provider. Everything reaches the emulator by configuration alone.
/// </summary>
internal sealed class DiscordBotHost : IAsyncDisposable
{
    private const string Models = """
        {
          "id": "scripted-image", "provider": "scripted", "displayName": "Scripted image",
          "operations": [ "imagine", "vary", "edit", "inpaint", "upscale", "remove-background" ],
          "price": { "perOutput": 1 },
          "limits": { "maxCount": 4, "maxInputImages": 4 },
          "parameters": { "ar": { "values": [ "1:1", "16:9" ] }, "factor": { "values": [ "2", "4" ] }, "seed": { "integer": true }, "strength": { "min": 0, "max": 1 }, "no": {} }
        },
        {
          "id": "scripted-motion", "provider": "scripted", "displayName": "Scripted motion",
          "operations": [ "video", "lip-sync" ],
          "price": { "perOutput": 2 },
          "limits": { "maxInputImages": 1, "takesLastFrame": true },
          "parameters": { "audio": { "values": [ "true", "false" ], "operations": [ "video" ] } }
        }
        """;

    private readonly TempDirectory _data;
    private readonly Dictionary<string, string?> _settings;
    private readonly TimeProvider? _time;

    private DiscordBotHost(DiscordEmulator emulator, TempDirectory data, Dictionary<string, string?> settings, TimeProvider? time)
    {
        Emulator = emulator;
        _data = data;
        _settings = settings;
        _time = time;
    }

    public DiscordEmulator Emulator { get; }
    public ScriptedProvider Provider { get; } = new();
    public JobEndings Endings { get; } = new();
    public WebApplication App { get; private set; } = null!;
    public IServiceProvider Services => App.Services;

    /// <summary>Where the bot listens (the region editor's page), once started.</summary>
    public Uri Address { get; private set; } = null!;
    public EmulatorMember Member { get; } = DiscordEmulator.CreateMember("ada");
    public string GuildId { get; private set; } = "";
    public EmulatorChannel Channel { get; private set; } = null!;

    /// <param name="time">A clock for the whole bot and the emulator (the 15-minute token tests).</param>
    /// <param name="moreModels">Catalog entries added to the two scripted models (a long <c>/models</c>).</param>
    public static async Task<DiscordBotHost> StartAsync(Action<Dictionary<string, string?>>? configure = null, DiscordEmulatorOptions? emulatorOptions = null, TimeProvider? time = null, string? moreModels = null)
    {
        emulatorOptions ??= new DiscordEmulatorOptions();
        if (time is not null)
        {
            emulatorOptions.TimeProvider = time;
        }

        var emulator = await DiscordEmulator.StartAsync(emulatorOptions);
        var data = new TempDirectory();
        var settings = emulator.BotSettings();
        settings["Storage:DatabasePath"] = data.File("chatbot.db");
        settings["Storage:MediaPath"] = data.File("media");
        settings["Catalog:Path"] = await ScriptedCatalog.WriteAsync(data, moreModels is null ? Models : $"{Models},{moreModels}");
        settings["Replies:EditInterval"] = "00:00:00.2";
        settings["Credits:DefaultDailyAllowance"] = "50";
        configure?.Invoke(settings);
        var host = new DiscordBotHost(emulator, data, settings, time);
        host.GuildId = emulator.CreateGuildId();
        host.Channel = emulator.CreateGuildChannel(host.GuildId, "art");
        await host.StartAppAsync();
        return host;
    }

    /// <summary>Stops the bot (as a restart would) and starts it again on the same database and emulator.</summary>
    public async Task RestartAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await StartAppAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Emulator.DisposeAsync();
        _data.Dispose();
    }

    private async Task StartAppAsync()
    {
        var builder = LoopbackApp.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(_settings);
        builder.Services.AddSingleton<IMediaProvider>(Provider);
        if (_time is not null)
        {
            builder.Services.AddSingleton(_time);
        }

        // Storage first, as in the host: its migrations must run before the engine's recovery reads the jobs.
        builder.Services.AddSqliteStorage();
        builder.Services.AddChatBotCore();
        builder.Services.AddResultGrid();
        builder.Services.AddDiscord();
        builder.Services.AddRegionEditor();
        var store = builder.Services.Last(d => d.ServiceType == typeof(IJobStore));
        builder.Services.Remove(store);
        builder.Services.AddSingleton<IJobStore>(sp => new SignallingJobStore((IJobStore)ActivatorUtilities.CreateInstance(sp, store.ImplementationType!), Endings));
        App = builder.Build();
        App.MapDiscord();
        App.MapRegionEditor();
        var connections = Emulator.ConnectUrls.Count;
        await App.StartAsync();
        Address = new Uri(App.Urls.First());
        if (_settings.GetValueOrDefault("Discord:Mode") != "Http")
        {
            await Emulator.WaitUntilAsync(e => e.ConnectUrls.Count > connections && e.IsConnected);
        }
    }
}
