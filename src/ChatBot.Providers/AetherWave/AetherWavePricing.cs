namespace ChatBot.Providers.AetherWave;

/// <summary>
/// Keeps the catalog's AetherWave video prices current from <c>GET /api/video/pricing</c> ("returns the full model
/// pricing config", document 003, which gives no shape). The bot's reading, which the emulator follows:
/// <c>{"models": {"&lt;model id&gt;": {"credits": 3, "unit": "second" | "request"}}}</c>. A model is updated only when
/// its catalog price has the same shape (per second, or per request); anything else, or a failed call, leaves the
/// catalog as it is — the catalog stays the fallback. A job already quoted keeps its quote: the charge never exceeds it.
/// </summary>
internal sealed partial class AetherWavePricing(ModelCatalog catalog, ProviderHttp http, ILogger<AetherWavePricing> logger)
{
    /// <summary>Asks for the live prices and applies them; the number of models whose price changed, or null when the call failed.</summary>
    public async Task<int?> RefreshAsync(CancellationToken cancellationToken)
    {
        if (!http.HasKey)
        {
            return null;
        }

        AetherWaveWire.PricingAnswer answer;
        try
        {
            using var response = await http.GetAsync("api/video/pricing", cancellationToken).ConfigureAwait(false);
            await http.EnsureSuccessAsync(response, AetherWaveErrors.ToException, cancellationToken).ConfigureAwait(false);
            answer = await http.ReadJsonAsync<AetherWaveWire.PricingAnswer>(response, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ProviderException or HttpRequestException or JsonException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogRefreshFailed(logger, ex.GetType().Name);
            return null;
        }

        var rate = catalog.FindProvider(ProviderNames.AetherWave)?.CreditsPerProviderUnit ?? 1.0;
        var prices = new Dictionary<string, ModelPrice>(StringComparer.OrdinalIgnoreCase);
        foreach (var model in catalog.Models.Where(m => m.Provider.Equals(ProviderNames.AetherWave, StringComparison.OrdinalIgnoreCase)))
        {
            if (answer.Models?.GetValueOrDefault(model.WireModel) is not { Credits: { } credits and >= 0 } live)
            {
                continue;
            }

            var price = (long)Math.Ceiling((double)credits * rate);
            var perSecond = string.Equals(live.Unit, "second", StringComparison.OrdinalIgnoreCase);
            if (perSecond && model.Price.PerSecond > 0 && model.Price.PerSecond != price)
            {
                prices[model.Id] = model.Price with { PerSecond = price };
            }
            else if (!perSecond && model.Price is { PerSecond: 0, PerOutput: 0 } && model.Price.PerRequest != price)
            {
                prices[model.Id] = model.Price with { PerRequest = price };
            }
        }

        var changed = catalog.UpdatePrices(prices);
        LogRefreshed(logger, answer.Models?.Count ?? 0, changed);
        return changed;
    }

    [LoggerMessage(EventId = 3150, Level = LogLevel.Warning, Message = "AetherWave video pricing could not be read ({Reason}); the catalog's prices stay")]
    private static partial void LogRefreshFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 3151, Level = LogLevel.Information, Message = "AetherWave video pricing read: {Listed} models listed, {Changed} catalog prices changed")]
    private static partial void LogRefreshed(ILogger logger, int listed, int changed);
}
