using ChatBot.Core.Commands.Handlers;
using ChatBot.Core.Providers;

namespace ChatBot.Core.Jobs;

/// <summary>
/// At start-up, picks up every job that did not end: queued jobs go back in line; jobs with a
/// remote id resume tracking; jobs interrupted before the provider confirmed are re-queued when
/// re-submitting is free, and otherwise failed and refunded with a reply that says so.
/// </summary>
internal sealed class JobRecovery(IJobStore store, JobScheduler scheduler, JobEnder ender, ProviderRouter router, ILogger<JobRecovery> logger, ConfirmationExpiry? expiry = null)
{
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        var active = await store.GetActiveAsync(cancellationToken).ConfigureAwait(false);
        foreach (var job in active)
        {
            switch (job.State)
            {
                case JobState.Queued:
                    scheduler.Enqueue(job);
                    break;
                case JobState.AwaitingConfirmation:
                    expiry?.Watch(job); // Nothing reserved, nothing to run: its buttons still work until it expires.
                    break;
                case JobState.Running or JobState.Delivering when job.RemoteId is not null || job.OutputKeys.Count > 0:
                    scheduler.Resume(job);
                    break;
                case JobState.Submitting or JobState.Running when router.FindProvider(job.Provider)?.ResubmitIsSafe == true:
                    if (await store.TryTransitionAsync(job.Id, job.State, JobState.Queued, cancellationToken).ConfigureAwait(false))
                    {
                        scheduler.Enqueue(job with { State = JobState.Queued, RemoteId = null });
                    }

                    break;
                default:
                    await ender.EndAsync(
                        job,
                        JobState.Failed,
                        "The bot restarted while this job was being sent, and it can't tell whether the provider received it.",
                        "not resumable after restart").ConfigureAwait(false);
                    break;
            }
        }

        logger.Recovered(active.Count);
        return active.Count;
    }
}
