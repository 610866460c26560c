using ChatBot.Core.Catalog;
using ChatBot.Core.Providers;
using ChatBot.Discord;
using ChatBot.Slack;

namespace ChatBot.Host.Operations;

/// <summary>Logs the start-up summary (<see cref="StartupReport"/>) once the host has bound its addresses.</summary>
internal sealed partial class StartupSummary(
    IServiceProvider services,
    IServer server,
    IHostApplicationLifetime lifetime,
    StartupPhase phase,
    ILogger<StartupSummary> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            phase.MarkStarted();
            var lines = StartupReport.Lines(
                services.GetRequiredService<IConfiguration>(),
                services.GetRequiredService<IOptions<ChatBot.Host.Playground.PlaygroundOptions>>().Value.Enabled == true,
                services.GetRequiredService<IOptions<DiscordOptions>>().Value,
                services.GetRequiredService<IOptions<SlackOptions>>().Value,
                StorageSelection.Describe(services),
                services.GetServices<IMediaProvider>(),
                services.GetRequiredService<ModelCatalog>(),
                services.GetRequiredService<ProviderRouter>(),
                server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
            foreach (var line in lines)
            {
                LogLine(logger, line);
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(6110, LogLevel.Information, "Start-up | {Line}")]
    private static partial void LogLine(ILogger logger, string line);
}
