namespace ChatBot.Core.Jobs;

/// <summary>
/// The leases of the jobs this worker runs. <see cref="RenewAsync"/> extends them all in one statement; a job the store
/// no longer lists as this worker's was taken over by another worker (this one paused past its lease), and its
/// <see cref="Held.Lost"/> token is cancelled: the runner stops at once, edits no reply and ends nothing.
/// </summary>
internal sealed class JobLeases(IJobStore store, IOptions<SchedulerOptions> options, TimeProvider time, ILogger<JobLeases> logger)
{
    private readonly ConcurrentDictionary<string, Held> _held = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _renewing = new(1, 1);
    private readonly SchedulerOptions _options = options.Value;
    private DateTimeOffset _confirmedAt = DateTimeOffset.MinValue;

    /// <summary>This worker's name on the jobs it holds.</summary>
    public string Owner { get; } = options.Value.Worker;

    public TimeSpan Lease => _options.LeaseDuration;

    public bool IsEmpty => _held.IsEmpty;

    /// <summary>The jobs this worker follows now.</summary>
    public IReadOnlyCollection<string> HeldIds => [.. _held.Keys];

    /// <summary>Starts following a job this worker is about to run; dispose when the runner is done with it.</summary>
    public Held Hold(string jobId)
    {
        var held = new Held(this, jobId);
        _held[jobId] = held;
        return held;
    }

    /// <summary>Renews every lease of this worker; cancels the jobs it no longer holds.</summary>
    public async Task RenewAsync(CancellationToken cancellationToken)
    {
        await _renewing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var started = time.GetUtcNow();
            var ids = (await store.RenewLeasesAsync(Owner, Lease, cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
            foreach (var held in _held.Values)
            {
                if (held.LeasedAt is { } at && at <= started && !ids.Contains(held.JobId))
                {
                    logger.LeaseLost(held.JobId, Owner);
                    held.Lose();
                }
            }

            _confirmedAt = started;
        }
        finally
        {
            _renewing.Release();
        }
    }

    /// <summary>
    /// Whether this worker surely still holds the job (before it posts a result): yes while its last confirmation is
    /// recent; otherwise (a renewal is overdue: the worker paused) it renews first and answers from the store.
    /// </summary>
    public async Task<bool> StillHoldsAsync(Held held)
    {
        ArgumentNullException.ThrowIfNull(held);
        var confirmed = held.LeasedAt is { } at && at > _confirmedAt ? at : _confirmedAt;
        if (!held.IsLost && time.GetUtcNow() - confirmed < Lease - _options.LeaseRenewInterval)
        {
            return true;
        }

        await RenewAsync(CancellationToken.None).ConfigureAwait(false);
        return !held.IsLost;
    }

    /// <summary>Gives up this worker's leases (stopping), so another worker or the next start takes the jobs left at once.</summary>
    public async Task ReleaseAllAsync()
    {
        try
        {
            await store.ReleaseLeasesAsync(Owner, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Stopping anyway: the leases then expire on their own.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LeaseRoundFailed(ex);
        }
    }

    private DateTimeOffset Now => time.GetUtcNow();

    private void Release(Held held) => _held.TryRemove(new KeyValuePair<string, Held>(held.JobId, held));

    /// <summary>One job this worker runs: from <see cref="MarkLeased"/> on, under its lease.</summary>
    internal sealed class Held(JobLeases leases, string jobId) : IDisposable
    {
        private readonly CancellationTokenSource _lost = new();

        public string JobId { get; } = jobId;

        /// <summary>When the worker learnt it holds the job (its claim or takeover returned); null before.</summary>
        public DateTimeOffset? LeasedAt { get; private set; }

        public CancellationToken Lost => _lost.Token;

        public bool IsLost => _lost.IsCancellationRequested;

        public void MarkLeased() => LeasedAt ??= leases.Now;

        public void Lose() => _lost.Cancel();

        public void Dispose()
        {
            leases.Release(this);
            _lost.Dispose();
        }
    }
}
