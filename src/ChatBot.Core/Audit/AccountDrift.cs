namespace ChatBot.Core.Audit;

/// <summary>An account whose balance is not the sum of its ledger (<see cref="Account"/> is <c>platform/tenant/user</c>).</summary>
public sealed record AccountDrift(string Account, long Balance, long LedgerSum);
