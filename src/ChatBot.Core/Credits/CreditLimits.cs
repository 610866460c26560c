namespace ChatBot.Core.Credits;

/// <summary>
/// Bounds on credit amounts. Balances, grants and allowances stay far below what a 64-bit sum can hold, so the
/// ledger (whose sum must equal the balance) can never overflow, however many grants an admin types.
/// </summary>
public static class CreditLimits
{
    /// <summary>The most an account can hold, and the largest grant or daily allowance an admin can set.</summary>
    public const long MaxBalance = 10_000_000_000;

    /// <summary>The bound as the refusals show it.</summary>
    public static string MaxBalanceText => MaxBalance.ToString("N0", CultureInfo.InvariantCulture);
}
