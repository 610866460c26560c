namespace ChatBot.Host.Operations;

/// <summary>Logs the addresses Kestrel really bound (port 0 picks a free one), so people and scripts can find the Playground.</summary>
internal sealed partial class ListeningAddressLogger(IServer server, IHostApplicationLifetime lifetime, ILogger<ListeningAddressLogger> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var address in server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            {
                LogListening(logger, address);
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(6100, LogLevel.Information, "ChatBot is listening on {Address} (Playground at {Address}/)")]
    private static partial void LogListening(ILogger logger, string address);
}
