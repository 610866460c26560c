namespace ChatBot.Core.Jobs;

/// <summary>
/// Durable jobs. Every transition is one transaction with the ledger entry it implies:
/// create reserves, success settles (charges the actual cost, returns the rest), failure and
/// cancellation refund. Transitions are compare-and-set: they return false when the job is
/// no longer in the expected state, so a job ends exactly once.
/// </summary>
public interface IJobStore
{
    /// <summary>
    /// Creates the job in <see cref="JobState.Queued"/> and reserves its price, or writes nothing; with
    /// <see cref="NewJob.AwaitConfirmation"/>, creates it awaiting confirmation and reserves nothing.
    /// </summary>
    Task<CreateJobResult> CreateAsync(NewJob job, CancellationToken cancellationToken);

    /// <summary>
    /// AwaitingConfirmation → Queued, reserving <paramref name="price"/> in the same transaction (and counting the
    /// account's waiting jobs against <paramref name="maxQueued"/>). Null when the job is not awaiting confirmation
    /// (confirmed, cancelled or unknown); otherwise Created, InsufficientCredits or QueueFull, the last two writing nothing.
    /// </summary>
    Task<CreateJobResult?> ConfirmAsync(string jobId, long price, int? maxQueued, CancellationToken cancellationToken);

    Task<JobRecord?> GetAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>Every job not in a terminal state, oldest first.</summary>
    Task<IReadOnlyList<JobRecord>> GetActiveAsync(CancellationToken cancellationToken);

    /// <summary>The account's jobs not in a terminal state, oldest first.</summary>
    Task<IReadOnlyList<JobRecord>> GetActiveAsync(AccountKey account, CancellationToken cancellationToken);

    /// <summary>The member's last <paramref name="count"/> finished jobs (succeeded, failed, cancelled…), newest first.</summary>
    Task<IReadOnlyList<JobRecord>> GetFinishedAsync(AccountKey account, int count, CancellationToken cancellationToken);

    /// <summary>Moves a non-terminal job from one state to another (e.g. Queued → Submitting).</summary>
    Task<bool> TryTransitionAsync(string jobId, JobState from, JobState to, CancellationToken cancellationToken);

    /// <summary>Records the provider chosen for a job that is being (re)submitted, e.g. after a fallback.</summary>
    Task<bool> SetProviderAsync(string jobId, string provider, JobSpec spec, CancellationToken cancellationToken);

    /// <summary>Submitting → Running, storing the remote id the moment the provider returned it.</summary>
    Task<bool> MarkSubmittedAsync(string jobId, string remoteId, string? resumeState, CancellationToken cancellationToken);

    /// <summary>Records the stored outputs (Running/Delivering → Delivering).</summary>
    Task<bool> MarkDeliveringAsync(string jobId, IReadOnlyList<string> outputKeys, CancellationToken cancellationToken);

    /// <summary>Delivering → Succeeded, charging <paramref name="actualCost"/> (capped at the reservation) and refunding the rest.</summary>
    Task<bool> CompleteAsync(string jobId, long actualCost, CancellationToken cancellationToken);

    /// <summary>Any non-terminal state → <paramref name="terminal"/> (Failed, Cancelled or Refunded), refunding the whole reservation.</summary>
    Task<bool> FailAsync(string jobId, JobState terminal, string reason, CancellationToken cancellationToken);

    /// <summary>Durations (start to finish) of the latest succeeded jobs of a model, newest first.</summary>
    Task<IReadOnlyList<TimeSpan>> GetRecentDurationsAsync(string modelId, int count, CancellationToken cancellationToken);
}
