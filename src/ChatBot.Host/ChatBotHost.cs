using ChatBot.Core;
using ChatBot.Core.Metrics;
using ChatBot.Discord;
using ChatBot.Host.Operations;
using ChatBot.Host.Playground;
using ChatBot.Host.Playground.Access;
using ChatBot.Host.Regions;
using ChatBot.Providers;
using ChatBot.Slack;
using OpenTelemetry.Metrics;

namespace ChatBot.Host;

/// <summary>
/// The host's composition, shared by <c>Program.cs</c> and the integration tests so both run the same app.
/// </summary>
public static class ChatBotHost
{
    /// <summary>Where the host listens when neither <c>--urls</c>, <c>ASPNETCORE_URLS</c> nor Kestrel endpoints say otherwise.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Environment variables with this prefix override plain ones: <c>ChatBot__Discord__Token</c> sets <c>Discord:Token</c>.</summary>
    public const string EnvironmentPrefix = "ChatBot__";

    /// <summary>
    /// Reads configuration (appsettings.json, appsettings.{Environment}.json, optional appsettings.Local.json,
    /// environment variables, <c>ChatBot__</c> environment variables, command line; later wins) and registers every service.
    /// Callers may add configuration or services before <see cref="Build"/>.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,

            // appsettings.json, config/models.json and the page sit beside the assembly, wherever the host is started from.
            ContentRootPath = AppContext.BaseDirectory,
        });

        AddLocalSettings(builder.Configuration, args);
        if (!HasExplicitUrls(builder.Configuration))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // The generic host logs a start-up failure with its stack trace; RunAsync prints one line for the settings'
        // mistakes instead, so that log waits until the host has started (later failures keep it).
        var phase = new StartupPhase();
        builder.Services.AddSingleton(phase);
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", level => level >= LogLevel.Information && (level < LogLevel.Error || phase.Started));

        AddServices(builder.Services, builder.Configuration);
        return builder;
    }

    /// <summary>
    /// Builds, starts and runs the host until it stops; returns the process exit code. A wrong setting or an address
    /// in use ends start-up with one line on standard error that names it, and exit code 1; a Playground that would
    /// listen beyond loopback without a password, with its one line and exit code 2.
    /// </summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (OperatorCommands.IsOperatorCommand(args))
        {
            return await OperatorCommands.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
        }

        WebApplication? app = null;
        try
        {
            app = Build(CreateBuilder(args));
            await app.StartAsync().ConfigureAwait(false);
        }
        catch (PlaygroundStartRefusedException refused)
        {
            await Console.Error.WriteLineAsync(refused.Message).ConfigureAwait(false);
            return 2;
        }
        catch (ChatBot.Storage.DatabaseInUseException inUse)
        {
            // Another live host holds the database (issue 13 point 10): one line, and exit code 2.
            await Console.Error.WriteLineAsync(inUse.Message).ConfigureAwait(false);
            return 2;
        }
        catch (Exception ex) when (StartupFailure.Describe(ex, app?.Services.GetServices<ValidatedSection>() ?? []) is { } line)
        {
            await Console.Error.WriteLineAsync(line).ConfigureAwait(false);
            if (app is not null)
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }

            return 1;
        }

        await using (app.ConfigureAwait(false))
        {
            await app.WaitForShutdownAsync().ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>
    /// Builds the app and maps its endpoints: the Playground (when <c>Playground:Enabled</c>), <c>/healthz</c>.
    /// Throws <see cref="PlaygroundStartRefusedException"/> when the Playground would listen beyond loopback without a password.
    /// </summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();
        StorageSelection.CheckUnchanged(app.Services, app.Configuration);
        var playground = app.Services.GetRequiredService<IOptions<PlaygroundOptions>>().Value;
        if (PlaygroundListenGuard.Refusal(app.Configuration, playground) is { } refusal)
        {
            throw new PlaygroundStartRefusedException(refusal);
        }

        app.UseMiddleware<ShutdownGate>();
        app.MapHealth();
        app.MapPrometheusScrapingEndpoint("/metrics");
        if (playground.Enabled == true)
        {
            app.MapPlayground();
        }

        // Platform endpoints (Slack's signed HTTP events, Discord's HTTP interactions): only where Host:Roles has platforms.
        if (app.Services.GetRequiredService<HostRoleSelection.PlayedRoles>().Has(HostRoles.Platforms))
        {
            app.MapDiscord();
            app.MapSlack();
        }

        // The Vary (Region) editor: the Playground's overlay and the signed links Discord and Slack members get.
        app.MapRegionEditor();
        return app;
    }

    private static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddHostedService<ListeningAddressLogger>();
        services.AddHostedService<StartupSummary>();
        services.AddSingleton<HealthSources>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(ChatBotMetrics.MeterName).AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));

        // Storage first: hosted services start in registration order, and its migrations must run
        // before the engine's recovery reads the jobs table.
        services.AddStorage(configuration);
        services.AddChatBotCore();
        services.AddMediaProviders();

        // Platforms. The Playground is on unless Playground:Enabled says otherwise or, left empty, a Discord or
        // Slack token is set (its services stay registered: recovered jobs still edit their Playground replies);
        // Discord and Slack each start only when their tokens are configured.
        services.AddPlayground();
        services.AddRegionEditor();
        services.AddDiscord();
        services.AddSlack();

        // Last: Host:Roles removes the hosted services of the roles this process does not play.
        services.AddHostRoles(configuration);
    }

    private static void AddLocalSettings(ConfigurationManager configuration, string[] args)
    {
        // appsettings.Local.json (git-ignored) overrides the shipped files but not the environment or the command line.
        var sources = configuration.Sources;
        var afterFiles = 0;
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is JsonConfigurationSource)
            {
                afterFiles = i + 1;
            }
        }

        foreach (var directory in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() }.Distinct(StringComparer.Ordinal))
        {
            var local = new JsonConfigurationSource { Path = Path.Combine(directory, "appsettings.Local.json"), Optional = true, ReloadOnChange = false };
            local.ResolveFileProvider();
            sources.Insert(afterFiles++, local);
        }

        configuration.AddEnvironmentVariables(EnvironmentPrefix);
        configuration.AddCommandLine(args);
    }

    private static bool HasExplicitUrls(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["urls"])
        || !string.IsNullOrWhiteSpace(configuration["http_ports"])
        || !string.IsNullOrWhiteSpace(configuration["https_ports"])
        || configuration.GetSection("Kestrel:Endpoints").Exists();
}
