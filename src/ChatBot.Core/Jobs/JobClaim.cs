namespace ChatBot.Core.Jobs;

/// <summary>
/// Who claims the next job and under which limits (<see cref="IJobStore.ClaimNextAsync"/>): the limits are counted in
/// the database over every worker's running jobs.
/// </summary>
public sealed record JobClaim(string Owner, TimeSpan Lease, int MaxRunningPerUser, int DefaultProviderConcurrency)
{
    /// <summary>Per-provider concurrency overrides, by provider name (case-insensitive).</summary>
    public IReadOnlyDictionary<string, int> ProviderConcurrency { get; init; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
}
