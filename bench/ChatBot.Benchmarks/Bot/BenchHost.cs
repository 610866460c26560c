using System.Net;
using System.Net.Http.Json;
using ChatBot.Benchmarks.Harness;
using ChatBot.Core.Jobs;
using ChatBot.Core.Providers;
using ChatBot.Core.Replies;
using ChatBot.Discord;
using ChatBot.Emulators.Discord;
using ChatBot.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Benchmarks.Bot;

/// <summary>
/// The real host, composed as Program.cs composes it (<see cref="ChatBotHost"/>), started in this process on
/// 127.0.0.1 with a free port over a fresh SQLite file, with a one-model catalog served by <see cref="BenchProvider"/>
/// and a counting wrapper around every platform's <see cref="IChatReplies"/>.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    public const string Model = "bench-instant";

    /// <summary>The Playground API token the bench's requests carry (<c>Playground:ApiToken</c>): they act as the user in their body.</summary>
    public const string ApiToken = "bench-playground-api-token";

    private readonly WebApplication _app;
    private bool _disposed;

    private BenchHost(WebApplication app, Uri address, BenchProvider provider, ReplyCounters counters, DiscordEmulator? discord)
    {
        _app = app;
        Discord = discord;
        Address = address;
        Provider = provider;
        Replies = counters;
        Commits = CommitCounter.Attach(app.Services);
        Http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(30) })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromMinutes(2),
            DefaultRequestHeaders = { Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiToken) },
        };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public BenchProvider Provider { get; }

    public ReplyCounters Replies { get; }

    /// <summary>Committed SQLite transactions, or null when the storage's writer could not be hooked.</summary>
    public CommitCounter? Commits { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The Discord emulator the bot is connected to (gateway + REST), when started with Discord.</summary>
    public DiscordEmulator? Discord { get; }

    /// <param name="counters">Shared with other hosts (workers on one database) to count their replies together; a new one when null.</param>
    public static async Task<BenchHost> StartAsync(
        BenchContext context, string name, IReadOnlyDictionary<string, string?>? overrides, CancellationToken cancellationToken, bool withDiscord = false, ReplyCounters? counters = null)
    {
        var folder = context.NewFolder(name);
        var catalog = Path.Combine(folder, "models.json");
        await File.WriteAllTextAsync(catalog, CatalogJson, cancellationToken).ConfigureAwait(false);
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:DatabasePath"] = Path.Combine(folder, "chatbot.db"),
            ["Storage:MediaPath"] = Path.Combine(folder, "media"),
            ["Playground:AdminFile"] = Path.Combine(folder, "playground-admin.txt"),
            ["Playground:AccountsFile"] = Path.Combine(folder, "playground-accounts.json"),

            // On even beside Discord, and driven with the API token.
            ["Playground:Enabled"] = "true",
            ["Playground:ApiToken"] = ApiToken,
            ["Catalog:Path"] = catalog,

            // Keep every reply: the Playground forgets finished ones past this, and the bench posts tens of thousands.
            ["Playground:MaxReplies"] = "100000",
            ["Credits:DefaultDailyAllowance"] = "1000000000",
            ["Scheduler:MaxRunningPerUser"] = "100",
            ["Scheduler:MaxQueuedPerUser"] = "1000",
            ["Scheduler:DefaultProviderConcurrency"] = "20000",
            ["Logging:LogLevel:Default"] = "Error",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Error",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Error",
        };
        DiscordEmulator? discord = null;
        if (withDiscord)
        {
            discord = await DiscordEmulator.StartAsync(new DiscordEmulatorOptions(), cancellationToken).ConfigureAwait(false);
            settings["Discord:Token"] = discord.Token;
            settings["Discord:ApplicationId"] = discord.ApplicationId;
            settings["Discord:ApiBaseUrl"] = discord.ApiBaseUrl;
            settings["Discord:CdnHosts:0"] = discord.CdnHost;
            settings["Discord:RegisterCommands"] = "false";
        }

        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        // The store is chosen while the host is composed: Storage:Provider goes on the command line.
        var builder = ChatBotHost.CreateBuilder(
            ["--urls", "http://127.0.0.1:0", .. settings.Where(s => s.Key.Equals("Storage:Provider", StringComparison.OrdinalIgnoreCase)).Select(s => $"--{s.Key}={s.Value}")]);
        builder.Configuration.AddInMemoryCollection(settings);
        var provider = new BenchProvider();
        counters ??= new ReplyCounters();
        builder.Services.AddSingleton<IMediaProvider>(provider);
        if (withDiscord && !builder.Services.Any(d => d.ServiceType.Assembly == typeof(DiscordOptions).Assembly))
        {
            // The host composes Discord itself; this only guards a build whose host does not.
            builder.Services.AddDiscord();
        }

        WrapReplies(builder.Services, counters);
        var app = ChatBotHost.Build(builder);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        if (discord is not null)
        {
            await discord.WaitUntilAsync(e => e.IsConnected, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }

        var address = new Uri(app.Urls.First(u => u.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)));
        return new BenchHost(app, address, provider, counters, discord);
    }

    /// <summary>Types a command in the Playground as <paramref name="user"/>; true when the bot answered 201 Created.</summary>
    public async Task<bool> PostAsync(string user, string text, CancellationToken cancellationToken)
    {
        using var response = await Http.PostAsJsonAsync("/api/playground/messages", new { user, text }, cancellationToken).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.Created;
    }

    public async Task<int> ActiveJobsAsync(CancellationToken cancellationToken) =>
        (await Services.GetRequiredService<IJobStore>().GetActiveAsync(cancellationToken).ConfigureAwait(false)).Count;

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Http.Dispose();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await _app.StopAsync(stop.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        if (Discord is not null)
        {
            await Discord.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static void WrapReplies(IServiceCollection services, ReplyCounters counters)
    {
        foreach (var descriptor in services.Where(d => d.ServiceType == typeof(IChatReplies) && !d.IsKeyedService).ToList())
        {
            services.Remove(descriptor);
            services.AddSingleton<IChatReplies>(sp => new CountingReplies(Create(sp, descriptor), counters));
        }
    }

    private static IChatReplies Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        (IChatReplies)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));

    private const string CatalogJson = """
        {
          "providers": [
            { "name": "bench", "displayName": "Bench", "description": "The benchmark's in-process provider.", "priority": 1 }
          ],
          "models": [
            {
              "id": "bench-instant",
              "provider": "bench",
              "displayName": "Bench",
              "description": "Answers at once (or when the bench releases it) with a 1×1 PNG.",
              "operations": [ "imagine" ],
              "price": { "perOutput": 1 },
              "limits": { "maxCount": 4 },
              "parameters": { "ar": { "values": [ "1:1", "16:9" ] } }
            }
          ]
        }
        """;
}
