namespace ChatBot.Core.Jobs;

/// <summary>
/// Durable jobs. Every transition is one transaction with the ledger entry it implies:
/// create reserves, success settles (charges the actual cost, returns the rest), failure and
/// cancellation refund. Transitions are compare-and-set: they return false when the job is
/// no longer in the expected state, so a job ends exactly once.
/// <para>
/// Leases: a worker claims a queued job (<see cref="ClaimAsync"/>, <see cref="ClaimNextAsync"/>) and holds it under a
/// lease it renews (<see cref="RenewLeasesAsync"/>); once the lease has expired, another worker takes the job over
/// (<see cref="TakeOverAsync"/>). A transition given an <c>owner</c> is fenced: it succeeds only while that worker
/// still holds the job, so a worker that paused past its lease changes nothing. Without an owner (a member's cancel,
/// an operator) it is not fenced.
/// </para>
/// </summary>
public interface IJobStore
{
    /// <summary>
    /// True when several worker processes may share this store (PostgreSQL): expired leases are taken over while
    /// running, and at start-up only expired ones. False for a single-process store (SQLite): at start-up every started
    /// job is this process's to resume (its previous owner is gone).
    /// </summary>
    bool IsShared { get; }

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

    /// <summary>Records the provider chosen for a job that is being (re)submitted, e.g. after a fallback (fenced by <paramref name="owner"/>).</summary>
    Task<bool> SetProviderAsync(string jobId, string provider, JobSpec spec, CancellationToken cancellationToken, string? owner = null);

    /// <summary>Submitting → Running, storing the remote id the moment the provider returned it (fenced by <paramref name="owner"/>).</summary>
    Task<bool> MarkSubmittedAsync(string jobId, string remoteId, string? resumeState, CancellationToken cancellationToken, string? owner = null);

    /// <summary>Records the stored outputs (Running/Delivering → Delivering).</summary>
    Task<bool> MarkDeliveringAsync(string jobId, IReadOnlyList<string> outputKeys, CancellationToken cancellationToken, string? owner = null);

    /// <summary>
    /// Delivering (or Running, when <paramref name="outputKeys"/> are given: they are recorded in the same transaction)
    /// → Succeeded, charging <paramref name="actualCost"/> (capped at the reservation) and refunding the rest; fenced by
    /// <paramref name="owner"/>.
    /// </summary>
    Task<bool> CompleteAsync(string jobId, long actualCost, CancellationToken cancellationToken, string? owner = null, IReadOnlyList<string>? outputKeys = null);

    /// <summary>Any non-terminal state → <paramref name="terminal"/> (Failed, Cancelled or Refunded), refunding the whole reservation (fenced by <paramref name="owner"/>).</summary>
    Task<bool> FailAsync(string jobId, JobState terminal, string reason, CancellationToken cancellationToken, string? owner = null);

    /// <summary>
    /// Queued → Submitting for <paramref name="owner"/>, with a lease of <paramref name="lease"/> from now, in one write;
    /// false when it is no longer queued (cancelled, or claimed by another worker).
    /// </summary>
    Task<bool> ClaimAsync(string jobId, string owner, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the next queued job whose turn it is, for every worker together: members take turns (the member served
    /// longest ago first, a member new to the line at the back), among members under
    /// <see cref="JobClaim.MaxRunningPerUser"/> running jobs and jobs whose provider is under its concurrency, both
    /// counted in the database. Two workers never claim the same job. Null when nothing may start.
    /// </summary>
    Task<JobRecord?> ClaimNextAsync(JobClaim claim, CancellationToken cancellationToken);

    /// <summary>Extends the lease of every job <paramref name="owner"/> holds, in one statement: the ids it still holds.</summary>
    Task<IReadOnlyList<string>> RenewLeasesAsync(string owner, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Takes over, for <paramref name="owner"/>, every started job (Submitting, Running, Delivering) whose lease has
    /// expired or that nobody holds; with <paramref name="all"/>, every started job (a single-process store at start-up:
    /// its previous owner is gone). The jobs taken, to resume as recovery does.
    /// </summary>
    Task<IReadOnlyList<JobRecord>> TakeOverAsync(string owner, TimeSpan lease, bool all, CancellationToken cancellationToken);

    /// <summary>Gives up every lease <paramref name="owner"/> holds (a graceful stop), so another worker takes the jobs at once.</summary>
    Task<int> ReleaseLeasesAsync(string owner, CancellationToken cancellationToken);

    /// <summary>Durations (start to finish) of the latest succeeded jobs of a model, newest first.</summary>
    Task<IReadOnlyList<TimeSpan>> GetRecentDurationsAsync(string modelId, int count, CancellationToken cancellationToken);
}
