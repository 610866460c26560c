namespace ChatBot.Core.Jobs;

/// <summary>
/// Every <see cref="SchedulerOptions.LeaseRenewInterval"/>: renews this worker's leases (one statement) and, on a store
/// several workers share, takes over the started jobs whose lease expired (their worker died or paused), resuming them
/// as recovery does after a restart: by the stored remote id, never submitting twice.
/// </summary>
internal sealed class JobLeaseService(JobLeases leases, JobRecovery recovery, IJobStore store, IOptions<SchedulerOptions> options, TimeProvider time, ILogger<JobLeaseService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new PeriodicTimer(options.Value.LeaseRenewInterval, time);
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await TickAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the scheduler gives the leases up.
        }
    }

    /// <summary>One round: renew, then take over what expired. A store error waits for the next round.</summary>
    internal async Task TickAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (!leases.IsEmpty)
            {
                await leases.RenewAsync(cancellationToken).ConfigureAwait(false);
            }

            if (store.IsShared)
            {
                await recovery.TakeOverExpiredAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LeaseRoundFailed(ex);
        }
    }
}
