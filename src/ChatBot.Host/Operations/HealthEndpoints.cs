using ChatBot.Core.Credits;
using ChatBot.Core.Jobs;
using ChatBot.Core.Platform;

namespace ChatBot.Host.Operations;

/// <summary>
/// <c>GET /healthz</c>: storage reachable (one trivial read) and writable (no job ending waiting for room), the queue's depth, and each platform adapter's state.
/// An adapter that is retrying (its platform slow or unreachable) makes the status "degraded" but keeps 200: the
/// process is fine and restarting it would not help.
/// </summary>
internal static partial class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", CheckAsync);
        return endpoints;
    }

    private static async Task<IResult> CheckAsync(
        ICreditLedger ledger,
        IJobQueueMetrics metrics,
        IStorageWriteHealth writes,
        IEnumerable<IPlatformHealth> platforms,
        IHostApplicationLifetime lifetime,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var storage = "ok";
        try
        {
            // The cheapest read the storage contract offers: one row by primary key.
            _ = await ledger.GetAllowanceAsync(new TenantKey(PlatformNames.Playground, PlatformNames.Playground), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStorageUnreachable(loggers.CreateLogger("ChatBot.Host.Health"), ex);
            storage = "unreachable";
        }

        if (storage == "ok" && writes.IsFailing)
        {
            // Reads work, but job endings (and their refunds) cannot be written: the disk or database is full.
            storage = "full";
        }

        var stopping = lifetime.ApplicationStopping.IsCancellationRequested;
        var healthy = storage == "ok" && !stopping;
        var adapters = platforms.Where(p => p.State != "off").ToDictionary(p => p.Platform, p => new PlatformHealthReport(p.State, p.Detail), StringComparer.Ordinal);
        var adaptersOk = adapters.Values.All(a => a.State is "ok" or "starting");
        var status = stopping ? "stopping" : healthy && adaptersOk ? "ok" : "degraded";
        var body = new HealthReport(status, storage, metrics.Queued, metrics.Running) { Platforms = adapters };
        return Results.Json(body, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    [LoggerMessage(6101, LogLevel.Warning, "Health check: storage is unreachable")]
    private static partial void LogStorageUnreachable(ILogger logger, Exception exception);
}
