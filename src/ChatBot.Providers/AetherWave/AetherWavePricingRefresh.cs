namespace ChatBot.Providers.AetherWave;

/// <summary>
/// Reads AetherWave's video pricing when the bot starts (waiting a few seconds at most, so the first quotes already use
/// it) and again every <c>Providers:AetherWave:PricingRefreshInterval</c> (zero turns it off).
/// </summary>
internal sealed class AetherWavePricingRefresh(AetherWavePricing pricing, IOptionsMonitor<ProviderOptions> options, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan StartWait = TimeSpan.FromSeconds(10);

    private TimeSpan Interval => options.Get(ProviderNames.AetherWaveSection).PricingRefreshInterval;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interval > TimeSpan.Zero)
        {
            using var wait = new CancellationTokenSource(StartWait, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, wait.Token);
            try
            {
                await pricing.RefreshAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Too slow at start: the catalog's prices serve until the next refresh.
            }
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            await pricing.RefreshAsync(stoppingToken).ConfigureAwait(false);
        }
    }
}
