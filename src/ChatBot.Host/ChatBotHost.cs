using ChatBot.Core;
using ChatBot.Discord;
using ChatBot.Host.Operations;
using ChatBot.Host.Playground;
using ChatBot.Host.Playground.Access;
using ChatBot.Providers;
using ChatBot.Slack;
using ChatBot.Storage;

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

        AddServices(builder.Services);
        return builder;
    }

    /// <summary>
    /// Builds the app and maps its endpoints: the Playground (when <c>Playground:Enabled</c>), <c>/healthz</c>.
    /// Throws <see cref="PlaygroundStartRefusedException"/> when the Playground would listen beyond loopback without a password.
    /// </summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();
        var playground = app.Services.GetRequiredService<IOptions<PlaygroundOptions>>().Value;
        if (PlaygroundListenGuard.Refusal(app.Configuration, playground) is { } refusal)
        {
            throw new PlaygroundStartRefusedException(refusal);
        }

        app.UseMiddleware<ShutdownGate>();
        app.MapHealth();
        if (playground.Enabled == true)
        {
            app.MapPlayground();
        }

        // Platform endpoints (Slack's signed HTTP events, Discord's HTTP interactions) are mapped here.
        app.MapDiscord();
        app.MapSlack();
        return app;
    }

    private static void AddServices(IServiceCollection services)
    {
        services.AddHostedService<ListeningAddressLogger>();

        // Storage first: hosted services start in registration order, and its migrations must run
        // before the engine's recovery reads the jobs table.
        services.AddSqliteStorage();
        services.AddChatBotCore();
        services.AddMediaProviders();

        // Platforms. The Playground is on unless Playground:Enabled says otherwise or, left empty, a Discord or
        // Slack token is set (its services stay registered: recovered jobs still edit their Playground replies);
        // Discord and Slack each start only when their tokens are configured.
        services.AddPlayground();
        services.AddDiscord();
        services.AddSlack();
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
