using ChatBot.Core.Jobs;
using ChatBot.Core.Model;

namespace ChatBot.IntegrationTests.TestSupport;

/// <summary>The real job store, wrapped: every call passes through unless a test's subclass steps in.</summary>
internal abstract class PassThroughJobStore(IJobStore inner) : IJobStore
{
    protected IJobStore Inner => inner;

    public bool IsShared => inner.IsShared;

    public virtual Task<CreateJobResult> CreateAsync(NewJob job, CancellationToken cancellationToken) => inner.CreateAsync(job, cancellationToken);

    public Task<CreateJobResult?> ConfirmAsync(string jobId, long price, int? maxQueued, CancellationToken cancellationToken) => inner.ConfirmAsync(jobId, price, maxQueued, cancellationToken);

    public Task<JobRecord?> GetAsync(string jobId, CancellationToken cancellationToken) => inner.GetAsync(jobId, cancellationToken);

    public Task<IReadOnlyList<JobRecord>> GetActiveAsync(CancellationToken cancellationToken) => inner.GetActiveAsync(cancellationToken);

    public Task<IReadOnlyList<JobRecord>> GetActiveAsync(AccountKey account, CancellationToken cancellationToken) => inner.GetActiveAsync(account, cancellationToken);

    public Task<IReadOnlyList<JobRecord>> GetFinishedAsync(AccountKey account, int count, CancellationToken cancellationToken) => inner.GetFinishedAsync(account, count, cancellationToken);

    public Task<bool> TryTransitionAsync(string jobId, JobState from, JobState to, CancellationToken cancellationToken) => inner.TryTransitionAsync(jobId, from, to, cancellationToken);

    public Task<bool> SetProviderAsync(string jobId, string provider, JobSpec spec, CancellationToken cancellationToken, string? owner = null) => inner.SetProviderAsync(jobId, provider, spec, cancellationToken, owner);

    public Task<bool> MarkSubmittedAsync(string jobId, string remoteId, string? resumeState, CancellationToken cancellationToken, string? owner = null) => inner.MarkSubmittedAsync(jobId, remoteId, resumeState, cancellationToken, owner);

    public Task<bool> MarkDeliveringAsync(string jobId, IReadOnlyList<string> outputKeys, CancellationToken cancellationToken, string? owner = null) => inner.MarkDeliveringAsync(jobId, outputKeys, cancellationToken, owner);

    public virtual Task<bool> CompleteAsync(string jobId, long actualCost, CancellationToken cancellationToken, string? owner = null, IReadOnlyList<string>? outputKeys = null) => inner.CompleteAsync(jobId, actualCost, cancellationToken, owner, outputKeys);

    public virtual Task<bool> FailAsync(string jobId, JobState terminal, string reason, CancellationToken cancellationToken, string? owner = null) => inner.FailAsync(jobId, terminal, reason, cancellationToken, owner);

    public Task<bool> ClaimAsync(string jobId, string owner, TimeSpan lease, CancellationToken cancellationToken) => inner.ClaimAsync(jobId, owner, lease, cancellationToken);

    public Task<JobRecord?> ClaimNextAsync(JobClaim claim, CancellationToken cancellationToken) => inner.ClaimNextAsync(claim, cancellationToken);

    public Task<IReadOnlyList<string>> RenewLeasesAsync(string owner, TimeSpan lease, CancellationToken cancellationToken) => inner.RenewLeasesAsync(owner, lease, cancellationToken);

    public Task<IReadOnlyList<JobRecord>> TakeOverAsync(string owner, TimeSpan lease, bool all, CancellationToken cancellationToken) => inner.TakeOverAsync(owner, lease, all, cancellationToken);

    public Task<int> ReleaseLeasesAsync(string owner, CancellationToken cancellationToken) => inner.ReleaseLeasesAsync(owner, cancellationToken);

    public Task<IReadOnlyList<TimeSpan>> GetRecentDurationsAsync(string modelId, int count, CancellationToken cancellationToken) => inner.GetRecentDurationsAsync(modelId, count, cancellationToken);
}
