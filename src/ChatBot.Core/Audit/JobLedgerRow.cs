namespace ChatBot.Core.Audit;

/// <summary>One job beside its ledger entries: how many reserves and endings (release or refund) it has, and their net sum.</summary>
public sealed record JobLedgerRow(string Id, JobState State, long Reserved, long Charged, long Reserves, long Endings, long Net);
