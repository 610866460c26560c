using ChatBot.Core.Jobs;
using ChatBot.Core.Model;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.IntegrationTests.Operations;

/// <summary>
/// The real SQLite job store, except that while <see cref="Full"/> is set a job's ending cannot be written: it
/// throws the error SQLite gives for a full database or disk (SQLITE_FULL, code 13), as the real file did in the
/// issue's run. Counts the attempts so a test can wait for the engine's retry.
/// </summary>
internal sealed class FullDiskJobStore(IJobStore inner) : IJobStore
{
    private readonly SemaphoreSlim _attempts = new(0);

    public volatile bool Full;

    /// <summary>Replaces the host's job store with this wrapper around it; read it back with <c>GetService&lt;IJobStore&gt;()</c>.</summary>
    public static void Wrap(IServiceCollection services)
    {
        var real = services.Last(d => d.ServiceType == typeof(IJobStore));
        services.Remove(real);
        services.AddSingleton<IJobStore>(sp => new FullDiskJobStore((IJobStore)ActivatorUtilities.CreateInstance(sp, real.ImplementationType!)));
    }

    /// <summary>Waits until an ending has been refused <paramref name="count"/> more times.</summary>
    public async Task WaitForRefusedEndingsAsync(int count, CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            await _attempts.WaitAsync(cancellationToken);
        }
    }

    public Task<CreateJobResult> CreateAsync(NewJob job, CancellationToken cancellationToken) => inner.CreateAsync(job, cancellationToken);

    public Task<JobRecord?> GetAsync(string jobId, CancellationToken cancellationToken) => inner.GetAsync(jobId, cancellationToken);

    public Task<IReadOnlyList<JobRecord>> GetActiveAsync(CancellationToken cancellationToken) => inner.GetActiveAsync(cancellationToken);

    public Task<IReadOnlyList<JobRecord>> GetActiveAsync(AccountKey account, CancellationToken cancellationToken) => inner.GetActiveAsync(account, cancellationToken);

    public Task<bool> TryTransitionAsync(string jobId, JobState from, JobState to, CancellationToken cancellationToken) => inner.TryTransitionAsync(jobId, from, to, cancellationToken);

    public Task<bool> SetProviderAsync(string jobId, string provider, JobSpec spec, CancellationToken cancellationToken) => inner.SetProviderAsync(jobId, provider, spec, cancellationToken);

    public Task<bool> MarkSubmittedAsync(string jobId, string remoteId, string? resumeState, CancellationToken cancellationToken) => inner.MarkSubmittedAsync(jobId, remoteId, resumeState, cancellationToken);

    public Task<bool> MarkDeliveringAsync(string jobId, IReadOnlyList<string> outputKeys, CancellationToken cancellationToken) => inner.MarkDeliveringAsync(jobId, outputKeys, cancellationToken);

    public Task<bool> CompleteAsync(string jobId, long actualCost, CancellationToken cancellationToken) => inner.CompleteAsync(jobId, actualCost, cancellationToken);

    public Task<bool> FailAsync(string jobId, JobState terminal, string reason, CancellationToken cancellationToken)
    {
        if (Full)
        {
            _attempts.Release();
            throw new SqliteException("SQLite Error 13: 'database or disk is full'.", 13);
        }

        return inner.FailAsync(jobId, terminal, reason, cancellationToken);
    }

    public Task<IReadOnlyList<TimeSpan>> GetRecentDurationsAsync(string modelId, int count, CancellationToken cancellationToken) => inner.GetRecentDurationsAsync(modelId, count, cancellationToken);
}
