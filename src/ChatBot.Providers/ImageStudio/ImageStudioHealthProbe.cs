namespace ChatBot.Providers.ImageStudio;

/// <summary>Checks Image Studio's <c>/health</c> now and then so the router stops sending it jobs while it is down.</summary>
internal sealed class ImageStudioHealthProbe(ImageStudioProvider provider, IOptionsMonitor<ProviderOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Get(ProviderNames.ImageStudioSection).HealthCheckInterval, time);
        do
        {
            if (!string.IsNullOrWhiteSpace(options.Get(ProviderNames.ImageStudioSection).ApiKey))
            {
                await provider.CheckHealthAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
