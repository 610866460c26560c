using ChatBot.Core.Credits;
using ChatBot.Core.Jobs;
using ChatBot.Core.Platform;

namespace ChatBot.Host.Operations;

/// <summary><c>GET /healthz</c>: storage reachable (one trivial read) and the queue's depth.</summary>
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

        var stopping = lifetime.ApplicationStopping.IsCancellationRequested;
        var healthy = storage == "ok" && !stopping;
        var body = new HealthReport(healthy ? "ok" : stopping ? "stopping" : "degraded", storage, metrics.Queued, metrics.Running);
        return Results.Json(body, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    [LoggerMessage(6101, LogLevel.Warning, "Health check: storage is unreachable")]
    private static partial void LogStorageUnreachable(ILogger logger, Exception exception);
}
