using ChatBot.Core.Credits;
using ChatBot.Storage.Sqlite;

namespace ChatBot.Storage.Credits;

/// <summary>Ledger kinds as stored: stable lower-case names, independent of the enum's order.</summary>
internal static class LedgerKinds
{
    private static readonly StoredNames<LedgerEntryKind> Names = new(
        "ledger entry kind",
        (LedgerEntryKind.Reserve, "reserve"),
        (LedgerEntryKind.Release, "release"),
        (LedgerEntryKind.Refund, "refund"),
        (LedgerEntryKind.Grant, "grant"),
        (LedgerEntryKind.Allowance, "allowance"),
        (LedgerEntryKind.Adjustment, "adjustment"));

    public static string ToName(LedgerEntryKind kind) => Names.ToName(kind);

    public static LedgerEntryKind Parse(string name) => Names.Parse(name);
}
