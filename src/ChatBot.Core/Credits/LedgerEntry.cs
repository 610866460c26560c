namespace ChatBot.Core.Credits;

/// <summary>One movement of credits. Reserves are negative; releases, refunds, grants and allowances positive.</summary>
public sealed record LedgerEntry(long Id, LedgerEntryKind Kind, long Amount, string? JobId, string Reason, DateTimeOffset At);
