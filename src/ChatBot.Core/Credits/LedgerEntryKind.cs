namespace ChatBot.Core.Credits;

public enum LedgerEntryKind
{
    Reserve,
    Release,
    Refund,
    Grant,
    Allowance,
    Adjustment,
}
