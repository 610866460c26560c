namespace ChatBot.Core.Audit;

/// <summary>
/// Checks a store's money and jobs against their invariants (the operator's <c>audit</c> command), reading only.
/// Each store implements it in its own SQL.
/// </summary>
public interface IStoreAudit
{
    /// <summary>
    /// The figures and every drift found. A non-final job whose row has not changed since <paramref name="stuckBefore"/>
    /// counts as stuck (job leases are not built yet: this is the check that stands in for "no owner past its lease").
    /// </summary>
    Task<StoreAuditReport> RunAsync(DateTimeOffset stuckBefore, CancellationToken cancellationToken);
}
