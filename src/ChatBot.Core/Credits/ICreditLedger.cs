namespace ChatBot.Core.Credits;

/// <summary>
/// Credits per account. The balance always equals the sum of the append-only ledger and is never
/// negative. The daily allowance is applied lazily on the first use of a day (UTC): the balance is
/// topped up to the tenant's allowance when it is below it. Job-bound reserves, settlements and
/// refunds go through <see cref="Jobs.IJobStore"/>, in the job's own transactions.
/// </summary>
public interface ICreditLedger
{
    Task<CreditBalance> GetBalanceAsync(AccountKey account, CancellationToken cancellationToken);

    /// <summary>
    /// The balance of a member holding <paramref name="roles"/> (<see cref="Actor.Roles"/>): a first use of the day tops
    /// up to the highest of their roles' allowances (<see cref="Tenants.TenantSettings.RoleAllowances"/>), or the tenant's.
    /// </summary>
    Task<CreditBalance> GetBalanceAsync(AccountKey account, IReadOnlyList<string> roles, CancellationToken cancellationToken) =>
        GetBalanceAsync(account, cancellationToken);

    /// <summary>The latest movements, newest first.</summary>
    Task<IReadOnlyList<LedgerEntry>> GetHistoryAsync(AccountKey account, int count, CancellationToken cancellationToken);

    /// <summary>Adds (or with a negative amount removes, never below zero) credits; returns the new balance.</summary>
    Task<long> GrantAsync(AccountKey account, long amount, string reason, CancellationToken cancellationToken);

    /// <summary>Sets the tenant's daily allowance.</summary>
    Task SetAllowanceAsync(TenantKey tenant, long dailyAllowance, CancellationToken cancellationToken);

    Task<long> GetAllowanceAsync(TenantKey tenant, CancellationToken cancellationToken);

    /// <summary>Reserves credits outside a job (bench and tests); returns a reservation id or null.</summary>
    Task<string?> TryReserveAsync(AccountKey account, long amount, string reason, CancellationToken cancellationToken);

    /// <summary>Charges <paramref name="actual"/> of a reservation and returns the rest.</summary>
    Task SettleAsync(string reservationId, long actual, CancellationToken cancellationToken);

    Task RefundAsync(string reservationId, CancellationToken cancellationToken);
}
