namespace ChatBot.Core.Credits;

/// <summary>An account's credits as /credits shows them.</summary>
/// <param name="Available">Spendable now (the sum of the ledger).</param>
/// <param name="Reserved">Held by jobs that have not finished.</param>
/// <param name="DailyAllowance">The tenant's daily top-up cap.</param>
/// <param name="NextTopUp">When the next top-up can apply.</param>
public sealed record CreditBalance(long Available, long Reserved, long DailyAllowance, DateTimeOffset NextTopUp);
