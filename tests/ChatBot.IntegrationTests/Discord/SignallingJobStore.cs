using ChatBot.Core.Model;
using ChatBot.Core.Jobs;

namespace ChatBot.IntegrationTests.Discord;

/// <summary>The real SQLite job store, wrapped so a test can wait for jobs to reach their end (settled or refunded).</summary>
internal sealed class SignallingJobStore(IJobStore inner, JobEndings endings) : IJobStore
{
    public Task<CreateJobResult> CreateAsync(NewJob job, CancellationToken cancellationToken) => inner.CreateAsync(job, cancellationToken);

    public Task<JobRecord?> GetAsync(string jobId, CancellationToken cancellationToken) => inner.GetAsync(jobId, cancellationToken);

    public Task<IReadOnlyList<JobRecord>> GetActiveAsync(CancellationToken cancellationToken) => inner.GetActiveAsync(cancellationToken);

    public Task<IReadOnlyList<JobRecord>> GetActiveAsync(AccountKey account, CancellationToken cancellationToken) => inner.GetActiveAsync(account, cancellationToken);
    public Task<IReadOnlyList<JobRecord>> GetFinishedAsync(AccountKey account, int count, CancellationToken cancellationToken) => inner.GetFinishedAsync(account, count, cancellationToken);

    public Task<bool> TryTransitionAsync(string jobId, JobState from, JobState to, CancellationToken cancellationToken) => inner.TryTransitionAsync(jobId, from, to, cancellationToken);

    public Task<bool> SetProviderAsync(string jobId, string provider, JobSpec spec, CancellationToken cancellationToken) => inner.SetProviderAsync(jobId, provider, spec, cancellationToken);

    public Task<bool> MarkSubmittedAsync(string jobId, string remoteId, string? resumeState, CancellationToken cancellationToken) => inner.MarkSubmittedAsync(jobId, remoteId, resumeState, cancellationToken);

    public Task<bool> MarkDeliveringAsync(string jobId, IReadOnlyList<string> outputKeys, CancellationToken cancellationToken) => inner.MarkDeliveringAsync(jobId, outputKeys, cancellationToken);

    public async Task<bool> CompleteAsync(string jobId, long actualCost, CancellationToken cancellationToken)
    {
        var done = await inner.CompleteAsync(jobId, actualCost, cancellationToken);
        endings.Ended(jobId);
        return done;
    }

    public async Task<bool> FailAsync(string jobId, JobState terminal, string reason, CancellationToken cancellationToken)
    {
        var done = await inner.FailAsync(jobId, terminal, reason, cancellationToken);
        endings.Ended(jobId);
        return done;
    }

    public Task<IReadOnlyList<TimeSpan>> GetRecentDurationsAsync(string modelId, int count, CancellationToken cancellationToken) => inner.GetRecentDurationsAsync(modelId, count, cancellationToken);
}
