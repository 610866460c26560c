using ChatBot.Core.Providers;

namespace ChatBot.Host.Operations;

/// <summary>The body of <c>GET /healthz</c>.</summary>
internal sealed record HealthReport(string Status, string Storage, int Queued, int Running)
{
    /// <summary>Each enabled platform adapter's state ("ok", "starting", "retrying", "stopped").</summary>
    public IReadOnlyDictionary<string, PlatformHealthReport> Platforms { get; init; } = new Dictionary<string, PlatformHealthReport>(StringComparer.Ordinal);

    /// <summary>Each provider's state ("ok", "off", "degraded" with a detail, "open" until a time).</summary>
    public IReadOnlyDictionary<string, ProviderStatus> Providers { get; init; } = new Dictionary<string, ProviderStatus>(StringComparer.Ordinal);
}
