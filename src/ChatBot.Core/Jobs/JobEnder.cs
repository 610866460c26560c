using ChatBot.Core.Metrics;
using ChatBot.Core.Replies;

namespace ChatBot.Core.Jobs;

/// <summary>
/// Ends a job that will not finish: failed, cancelled (in the line or running), or not resumable after a
/// restart. The store records the ending and returns the reservation first, and only the caller that won
/// shows the final view, so a job ends exactly once whoever asks. The runner, the scheduler, the cancel
/// command and recovery all end jobs here.
/// </summary>
internal sealed class JobEnder(IJobStore store, ReplyUpdater replies, JobReplyViews views, ILogger<JobEnder> logger, ChatBotMetrics? metrics = null, TimeProvider? time = null, UnwrittenEndings? unwritten = null)
{
    /// <summary>
    /// Moves the job to <paramref name="terminal"/> for <paramref name="reason"/> (logged, never shown) and
    /// tells the member <paramref name="message"/>. Never throws for a reply that could not be edited. With
    /// <paramref name="owner"/> (a runner's own ending), nothing happens unless that worker still holds the job.
    /// </summary>
    public async Task EndAsync(JobRecord job, JobState terminal, string message, string reason, string? owner = null)
    {
        // Not cancellable: once asked for, an ending (and its refund) must complete, shutdown or not.
        bool ended;
        try
        {
            ended = await store.FailAsync(job.Id, terminal, reason, CancellationToken.None, owner).ConfigureAwait(false);
        }
        catch (Exception ex) when (unwritten is not null)
        {
            // The store cannot write (disk full): keep the ending and retry it, never lose it.
            logger.EndingNotWritten(ex, job.Id, terminal);
            unwritten.Add(job, terminal, message, reason);
            return;
        }

        unwritten?.Written(job.Id);
        if (!ended)
        {
            return; // Already ended elsewhere: it ends exactly once.
        }

        logger.Ended(job.Id, terminal, reason);
        metrics?.Job(terminal, job.Spec.ModelId, job.Provider);
        metrics?.CreditsRefunded(job.ReservedCredits);
        if (metrics is not null && time is not null && job.StartedAt is { } started)
        {
            metrics.JobDuration(time.GetUtcNow() - started, job.Spec.ModelId, job.Provider, terminal);
        }
        try
        {
            await replies.PublishFinalAsync(job.Reply, views.Ended(job, terminal, message)).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The reply could not be edited; the refund stands.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.DeliveryFailed(ex, job.Id);
        }
    }
}
