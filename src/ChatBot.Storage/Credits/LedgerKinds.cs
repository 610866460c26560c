using ChatBot.Core.Credits;

namespace ChatBot.Storage.Credits;

/// <summary>Ledger kinds as stored: stable lower-case names, independent of the enum's order.</summary>
internal static class LedgerKinds
{
    public static string ToName(LedgerEntryKind kind) => kind switch
    {
        LedgerEntryKind.Reserve => "reserve",
        LedgerEntryKind.Release => "release",
        LedgerEntryKind.Refund => "refund",
        LedgerEntryKind.Grant => "grant",
        LedgerEntryKind.Allowance => "allowance",
        LedgerEntryKind.Adjustment => "adjustment",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown ledger entry kind."),
    };

    public static LedgerEntryKind Parse(string name) => name switch
    {
        "reserve" => LedgerEntryKind.Reserve,
        "release" => LedgerEntryKind.Release,
        "refund" => LedgerEntryKind.Refund,
        "grant" => LedgerEntryKind.Grant,
        "allowance" => LedgerEntryKind.Allowance,
        "adjustment" => LedgerEntryKind.Adjustment,
        _ => throw new InvalidOperationException($"The ledger holds an unknown entry kind '{name}'."),
    };
}
