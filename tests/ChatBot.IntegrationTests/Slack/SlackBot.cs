using ChatBot.Core.Model;
using ChatBot.Core.Credits;
using ChatBot.Core.Jobs;
using ChatBot.Core.Providers;
using ChatBot.Emulators.Slack;
using ChatBot.Host;
using ChatBot.IntegrationTests.TestSupport;
using ChatBot.Slack;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.IntegrationTests.Slack;

/// <summary>
/// The whole host (Program.cs's composition) on 127.0.0.1 with a temporary SQLite file, its Slack
/// adapter pointed at a <see cref="SlackEmulator"/>, and a <see cref="ScriptedProvider"/> behind a test catalog.
/// </summary>
internal sealed class SlackBot : IAsyncDisposable
{
    private const string Models = """
        { "id": "test-image", "provider": "scripted", "displayName": "Test image", "operations": [ "imagine", "vary", "edit", "inpaint" ],
          "price": { "perOutput": 2 }, "limits": { "maxCount": 4, "maxInputImages": 4 }, "parameters": { "ar": { "values": [ "1:1", "16:9" ] }, "seed": { "integer": true }, "strength": { "min": 0, "max": 1 } } },
        { "id": "test-upscale", "provider": "scripted", "displayName": "Test upscale", "operations": [ "upscale", "remove-background" ],
          "price": { "perOutput": 1 }, "limits": { "requiresImage": true }, "parameters": { "factor": { "values": [ "2", "4" ] } } },
        { "id": "test-motion", "provider": "scripted", "displayName": "Test motion", "operations": [ "video", "lip-sync" ],
          "price": { "perOutput": 3 }, "limits": { "takesLastFrame": true }, "parameters": { "duration": { "values": [ "3" ] }, "ar": { "values": [ "1:1" ] } } }
        """;

    private readonly WebApplication _app;

    private SlackBot(WebApplication app, SlackEmulator emulator, ScriptedProvider provider, TempDirectory data, Uri address)
    {
        _app = app;
        Emulator = emulator;
        Provider = provider;
        Data = data;
        Address = address;
    }

    public SlackEmulator Emulator { get; }
    public ScriptedProvider Provider { get; }
    public TempDirectory Data { get; }
    public Uri Address { get; }
    public HttpClient Http { get; } = new();
    public LedgerAudit Audit => new(Data.File("chatbot.db"));

    /// <param name="moreModels">Catalog entries added to the test models (a long <c>/models</c>).</param>
    /// <param name="time">A clock for the whole bot and the emulator's log of calls (timer and pacing tests).</param>
    public static async Task<SlackBot> StartAsync(SlackMode mode, SlackEmulator? emulator = null, TempDirectory? data = null, ScriptedProvider? provider = null, Action<Dictionary<string, string?>>? configure = null, string? moreModels = null, TimeProvider? time = null)
    {
        emulator ??= await SlackEmulator.StartAsync();
        if (time is not null)
        {
            emulator.Time = time;
        }

        data ??= new TempDirectory();
        provider ??= new ScriptedProvider();
        var catalog = await ScriptedCatalog.WriteAsync(data, moreModels is null ? Models : $"{Models},{moreModels}");

        var builder = ChatBotHost.CreateBuilder(["--urls", "http://127.0.0.1:0"]);
        var settings = HostSettings.For(data, TimeSpan.Zero);
        settings["Catalog:Path"] = catalog;
        settings["Replies:EditInterval"] = "00:00:00.020";
        settings["Slack:BotToken"] = emulator.BotToken;
        settings["Slack:ApiBaseUrl"] = emulator.ApiBaseUrl;
        settings["Slack:FileHosts:0"] = emulator.FileHost;
        settings["Slack:FileSharePollInterval"] = "00:00:00.010";
        settings["Slack:Mode"] = mode.ToString();
        settings[mode == SlackMode.Socket ? "Slack:AppToken" : "Slack:SigningSecret"] = mode == SlackMode.Socket ? emulator.AppToken : emulator.SigningSecret;
        configure?.Invoke(settings);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<IMediaProvider>(provider);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        var app = ChatBotHost.Build(builder);
        await app.StartAsync();
        var address = new Uri(app.Urls.Single(u => u.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)));
        var bot = new SlackBot(app, emulator, provider, data, address);
        if (mode == SlackMode.Socket)
        {
            await emulator.WaitUntilAsync(() => emulator.OpenConnections().Count >= 1, what: "the bot's Socket Mode connection");
        }

        return bot;
    }

    public T Get<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    public async Task<CreditBalance> BalanceAsync(string user) =>
        await Get<ICreditLedger>().GetBalanceAsync(new AccountKey("slack", Emulator.TeamId, user), CancellationToken.None);

    /// <summary>Waits until the bot's reply at <paramref name="ts"/> shows a finished result.</summary>
    public Task WaitForResultAsync(string channel, string ts) =>
        Emulator.WaitUntilAsync(() => IsResult(Emulator.Message(channel, ts)), what: $"the result in reply {ts}");

    /// <summary>Waits until <paramref name="count"/> bot replies show results; returns them.</summary>
    public async Task<IReadOnlyList<SlackEmulatedMessage>> WaitForResultsAsync(int count)
    {
        await Emulator.WaitUntilAsync(() => Results().Count >= count, what: $"{count} results");
        return Results();
    }

    public IReadOnlyList<SlackEmulatedMessage> Results() => [.. Emulator.BotMessages().Where(IsResult)];

    public static bool IsResult(SlackEmulatedMessage? message) =>
        message?.Text.EndsWith("— done", StringComparison.Ordinal) == true;

    /// <summary>
    /// Waits until no job is active in the store: the result reaches Slack just before the job's
    /// final transition commits. Polls the store (a condition wait, not a timing assertion).
    /// </summary>
    public async Task WaitForJobsToEndAsync()
    {
        using var timeout = TestTimeout.Start(30);
        var store = Get<IJobStore>();
        while ((await store.GetActiveAsync(timeout.Token)).Count > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
        }
    }

    /// <summary>Stops the host but keeps the data folder and the emulator (for restart tests).</summary>
    public async Task StopAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await Emulator.DisposeAsync();
        Data.Dispose();
    }
}
