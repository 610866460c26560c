using ChatBot.Core.Credits;
using ChatBot.Core.Jobs;
using ChatBot.Core.Replies;

namespace ChatBot.Core.Commands.Handlers;

/// <summary>
/// Ends a job nobody confirmed: <see cref="CreditOptions.ConfirmExpiry"/> after its stored creation time (so a restart
/// keeps the deadline), a job still awaiting confirmation is cancelled, nothing charged, its buttons gone, and its
/// reply says it expired. Zero keeps waiting jobs for ever.
/// </summary>
internal sealed class ConfirmationExpiry(IJobStore store, JobEnder ender, IOptions<CreditOptions> options, TimeProvider time, ILogger<ConfirmationExpiry> logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, ITimer> _timers = new(StringComparer.Ordinal);

    private TimeSpan Expiry => options.Value.ConfirmExpiry;

    /// <summary>Starts the clock of a job awaiting confirmation (at once when its deadline has passed).</summary>
    public void Watch(JobRecord job)
    {
        if (Expiry <= TimeSpan.Zero || _timers.ContainsKey(job.Id))
        {
            return;
        }

        var due = job.CreatedAt + Expiry - time.GetUtcNow();
        var timer = time.CreateTimer(_ => _ = ExpireAsync(job.Id), null, due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        if (!_timers.TryAdd(job.Id, timer))
        {
            timer.Dispose();
        }
    }

    /// <summary>Stops the clock of a job that was confirmed or cancelled.</summary>
    public void Forget(string jobId)
    {
        if (_timers.TryRemove(jobId, out var timer))
        {
            timer.Dispose();
        }
    }

    private async Task ExpireAsync(string jobId)
    {
        Forget(jobId);
        try
        {
            var job = await store.GetAsync(jobId, CancellationToken.None).ConfigureAwait(false);
            if (job is not { State: JobState.AwaitingConfirmation })
            {
                return; // Confirmed or cancelled in time.
            }

            logger.ConfirmationExpired(jobId, Expiry);
            await ender.EndAsync(job, JobState.Cancelled, $"Nobody confirmed it within {DurationText.Format(Expiry)}, so it expired.", "confirmation expired").ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A timer callback: log, never crash the process; the job stays awaiting and costs nothing.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.ConfirmationExpiryFailed(ex, jobId);
        }
    }

    public void Dispose()
    {
        foreach (var id in _timers.Keys)
        {
            Forget(id);
        }
    }
}
