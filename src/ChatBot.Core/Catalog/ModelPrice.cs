namespace ChatBot.Core.Catalog;

/// <summary>
/// The bot's credit price of one request: a fixed part, a part per output, a part per second of video,
/// times the multiplier of the requested resolution tier.
/// </summary>
public sealed record ModelPrice
{
    public long PerRequest { get; init; }
    public long PerOutput { get; init; }
    public long PerSecond { get; init; }
    public IReadOnlyDictionary<string, double> ResolutionMultiplier { get; init; } = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);

    public long Quote(int outputs, int? seconds, string? resolution)
    {
        var baseCost = PerRequest + (PerOutput * Math.Max(1, outputs)) + (PerSecond * Math.Max(0, seconds ?? 0));
        var multiplier = resolution is not null && ResolutionMultiplier.TryGetValue(resolution, out var m) ? m : 1.0;
        return (long)Math.Ceiling(baseCost * multiplier);
    }
}
