using ChatBot.Core.Commands.Handlers;
using ChatBot.Core.Providers;

namespace ChatBot.Core.Jobs;

/// <summary>
/// Picks up every job that did not end, at start-up and (on a store several workers share) whenever a worker's lease
/// expires: queued jobs go back in line; started jobs are taken over under this worker's lease, then jobs with a
/// remote id resume tracking; jobs interrupted before the provider confirmed are re-queued when re-submitting is free,
/// and otherwise failed and refunded with a reply that says so.
/// </summary>
internal sealed class JobRecovery(IJobStore store, JobScheduler scheduler, JobEnder ender, ProviderRouter router, JobLeases leases, ILogger<JobRecovery> logger, ConfirmationExpiry? expiry = null)
{
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        var active = await store.GetActiveAsync(cancellationToken).ConfigureAwait(false);
        foreach (var job in active)
        {
            if (job.State == JobState.Queued)
            {
                scheduler.Enqueue(job);
            }
            else if (job.State == JobState.AwaitingConfirmation)
            {
                expiry?.Watch(job); // Nothing reserved, nothing to run: its buttons still work until it expires.
            }
        }

        // A single-process store's started jobs are all this process's: whoever held them is gone.
        var taken = await store.TakeOverAsync(leases.Owner, leases.Lease, all: !store.IsShared, cancellationToken).ConfigureAwait(false);
        await ResumeAsync(taken).ConfigureAwait(false);
        logger.Recovered(active.Count);
        return active.Count;
    }

    /// <summary>Takes over and resumes the started jobs whose worker's lease expired.</summary>
    public async Task TakeOverExpiredAsync(CancellationToken cancellationToken)
    {
        var taken = await store.TakeOverAsync(leases.Owner, leases.Lease, all: false, cancellationToken).ConfigureAwait(false);
        if (taken.Count > 0)
        {
            logger.TookOver(taken.Count);
            await ResumeAsync(taken).ConfigureAwait(false);
        }
    }

    private async Task ResumeAsync(IReadOnlyList<JobRecord> taken)
    {
        foreach (var job in taken)
        {
            switch (job.State)
            {
                case JobState.Running or JobState.Delivering when job.RemoteId is not null || job.OutputKeys.Count > 0:
                    scheduler.Resume(job);
                    break;
                case JobState.Submitting or JobState.Running when router.FindProvider(job.Provider)?.ResubmitIsSafe == true:
                    if (await store.TryTransitionAsync(job.Id, job.State, JobState.Queued, CancellationToken.None).ConfigureAwait(false))
                    {
                        scheduler.Enqueue(job with { State = JobState.Queued, RemoteId = null, Owner = null, LeaseUntil = null });
                    }

                    break;
                default:
                    await ender.EndAsync(
                        job,
                        JobState.Failed,
                        "The bot restarted while this job was being sent, and it can't tell whether the provider received it.",
                        "not resumable after restart",
                        leases.Owner).ConfigureAwait(false);
                    break;
            }
        }
    }
}
