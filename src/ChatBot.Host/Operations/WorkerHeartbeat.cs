using ChatBot.Core.Platform;

namespace ChatBot.Host.Operations;

/// <summary>
/// Heartbeats this process into the store's <c>workers</c> table every <c>Host:WorkerHeartbeat</c> and keeps
/// <see cref="WorkerShare"/> at the count of live workers (those heard from within three heartbeats), so the bot
/// token's limits are split between them. The first heartbeat is part of start-up; a clean stop leaves the table.
/// </summary>
internal sealed partial class WorkerHeartbeat(
    IWorkerRegistry registry,
    WorkerShare share,
    HostRoleSelection.PlayedRoles roles,
    IOptions<HostOptions> options,
    TimeProvider time,
    ILogger<WorkerHeartbeat> logger) : BackgroundService
{
    /// <summary>This process in the table: host name, process id and a random part (a restarted process is a new worker).</summary>
    public string WorkerId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    private TimeSpan Interval => options.Value.WorkerHeartbeat;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await BeatAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await registry.LeaveAsync(WorkerId, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A store gone at shutdown: the row ages out, the others take the share later.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.HeartbeatFailed(logger, ex.GetType().Name, ex.Message);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await BeatAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task BeatAsync(CancellationToken cancellationToken)
    {
        try
        {
            var live = await registry.HeartbeatAsync(WorkerId, roles.Roles.ToString(), Interval * 3, cancellationToken).ConfigureAwait(false);
            if (live != share.LiveWorkers)
            {
                Log.LiveWorkers(logger, live);
            }

            share.Update(live);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The store is briefly away: keep the last share and try at the next beat.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.HeartbeatFailed(logger, ex.GetType().Name, ex.Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 6400, Level = LogLevel.Information, Message = "{Count} live workers share the bot's platform rate limits")]
        public static partial void LiveWorkers(ILogger logger, int count);

        [LoggerMessage(EventId = 6401, Level = LogLevel.Warning, Message = "Worker heartbeat failed ({Error}: {Message}); keeping the last share of the rate limits")]
        public static partial void HeartbeatFailed(ILogger logger, string error, string message);
    }
}
