namespace ChatBot.Core.Jobs;

/// <summary>Starts the job engine (recovery first) with the host and stops it gracefully.</summary>
internal sealed class JobEngineService(JobRecovery recovery, JobScheduler scheduler) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => recovery.RecoverAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => scheduler.StopAsync(cancellationToken);
}
