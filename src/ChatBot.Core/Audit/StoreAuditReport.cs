namespace ChatBot.Core.Audit;

/// <summary>What <see cref="IStoreAudit"/> found: the store's figures, and each kind of drift (empty lists when clean).</summary>
public sealed record StoreAuditReport
{
    /// <summary>The store checked, as the start-up summary names it (never credentials).</summary>
    public required string Store { get; init; }

    public long Accounts { get; init; }

    public long LedgerEntries { get; init; }

    /// <summary>The sum of every balance; equal to <see cref="LedgerSum"/> in a clean store.</summary>
    public long Balances { get; init; }

    public long LedgerSum { get; init; }

    public long Jobs { get; init; }

    public long ActiveJobs { get; init; }

    /// <summary>Accounts whose balance differs from the sum of their ledger entries.</summary>
    public IReadOnlyList<AccountDrift> UnbalancedAccounts { get; init; } = [];

    /// <summary>Ended jobs (<c>id state</c>) whose reservation still holds credits: the ledger took more than they were charged.</summary>
    public IReadOnlyList<string> OpenReservationsOnEndedJobs { get; init; } = [];

    /// <summary>Jobs (<c>id state</c>) reserved or settled more than once, or charged more than they reserved.</summary>
    public IReadOnlyList<string> JobsChargedTwice { get; init; } = [];

    /// <summary>Non-final jobs (<c>id state</c>) with no progress since the horizon.</summary>
    public IReadOnlyList<string> StuckJobs { get; init; } = [];

    public bool IsClean => UnbalancedAccounts.Count == 0 && OpenReservationsOnEndedJobs.Count == 0 && JobsChargedTwice.Count == 0 && StuckJobs.Count == 0;
}
