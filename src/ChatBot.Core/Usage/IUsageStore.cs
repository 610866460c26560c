namespace ChatBot.Core.Usage;

/// <summary>A community's usage as the jobs table records it, for <c>/stats</c> (admins).</summary>
public interface IUsageStore
{
    /// <summary>
    /// The tenant's jobs created at or after <paramref name="since"/>, grouped by member, model, provider, ending state
    /// and UTC day; credits are what was charged (refunded jobs count none).
    /// </summary>
    Task<IReadOnlyList<UsageRow>> GetUsageAsync(TenantKey tenant, DateTimeOffset since, CancellationToken cancellationToken);
}
