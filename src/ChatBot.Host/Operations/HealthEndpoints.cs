using ChatBot.Core.Platform;
using ChatBot.Core.Providers;

namespace ChatBot.Host.Operations;

/// <summary>
/// <c>GET /healthz/live</c>: the process answers. <c>GET /healthz/ready</c>: storage answers a trivial read and every
/// configured platform is connected or reconnecting within its limits (503 otherwise). <c>GET /healthz</c>: the same
/// report, where a platform that retries makes the status "degraded" but keeps 200 (restarting would not help).
/// Every body carries each platform's and each provider's state.
/// </summary>
internal static partial class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", (HealthSources sources, CancellationToken ct) => CheckAsync(sources, ready: false, ct));
        endpoints.MapGet("/healthz/ready", (HealthSources sources, CancellationToken ct) => CheckAsync(sources, ready: true, ct));
        endpoints.MapGet("/healthz/live", () => Results.Json(new { status = "ok" }));
        return endpoints;
    }

    private static async Task<IResult> CheckAsync(HealthSources sources, bool ready, CancellationToken cancellationToken)
    {
        var storage = "ok";
        try
        {
            // The cheapest read the storage contract offers: one row by primary key.
            _ = await sources.Ledger.GetAllowanceAsync(new TenantKey(PlatformNames.Playground, PlatformNames.Playground), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStorageUnreachable(sources.Loggers.CreateLogger("ChatBot.Host.Health"), ex);
            storage = "unreachable";
        }

        var stopping = sources.Lifetime.ApplicationStopping.IsCancellationRequested;
        var healthy = storage == "ok" && !stopping;
        var adapters = sources.Platforms.Where(p => p.State != "off").ToDictionary(p => p.Platform, p => new PlatformHealthReport(p.State, p.Detail), StringComparer.Ordinal);
        var adaptersOk = adapters.Values.All(a => a.State is "ok" or "starting");

        // Reconnecting (retrying) is within the adapter's limits; "stopped" means it gave up: fix the settings.
        var adaptersReady = adapters.Values.All(a => a.State is "ok" or "starting" or "retrying");
        var status = stopping ? "stopping" : healthy && adaptersOk ? "ok" : "degraded";
        var body = new HealthReport(status, storage, sources.Queue.Queued, sources.Queue.Running)
        {
            Platforms = adapters,
            Providers = sources.Providers.ToDictionary(p => p.Name, Describe, StringComparer.Ordinal),
        };
        var ok = ready ? healthy && adaptersReady : healthy;
        return Results.Json(body, statusCode: ok ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static ProviderStatus Describe(IMediaProvider provider) => provider is IProviderHealth health
        ? health.Status
        : new ProviderStatus(provider.IsAvailable ? "ok" : "off");

    [LoggerMessage(6101, LogLevel.Warning, "Health check: storage is unreachable")]
    private static partial void LogStorageUnreachable(ILogger logger, Exception exception);
}
