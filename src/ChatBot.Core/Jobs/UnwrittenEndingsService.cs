namespace ChatBot.Core.Jobs;

/// <summary>
/// Retries the endings the store could not write, every <see cref="SchedulerOptions.StorageRetryInterval"/>,
/// so a job whose refund met a full disk ends (refunded, its reply final) once there is room, without a restart.
/// </summary>
internal sealed class UnwrittenEndingsService(UnwrittenEndings endings, JobEnder ender, IOptions<SchedulerOptions> options, TimeProvider time)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(options.Value.StorageRetryInterval, time, stoppingToken).ConfigureAwait(false);
                await RetryAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is still unwritten is non-terminal in the database, and recovery ends it.
        }
    }

    /// <summary>One round: tries every unwritten ending once. EndAsync keeps an ending whose write fails again.</summary>
    internal async Task RetryAsync()
    {
        foreach (var ending in endings.Snapshot())
        {
            await ender.EndAsync(ending.Job, ending.Terminal, ending.Message, ending.Reason).ConfigureAwait(false);
        }
    }
}
