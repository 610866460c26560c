using ChatBot.Core.Credits;

namespace ChatBot.Storage.Postgres.Database;

/// <summary>
/// Job states and ledger kinds as stored: the same lower-case names the SQLite store writes (so <c>migrate</c> copies
/// them as they are), read back strictly — a name this build does not know is a corrupt row, not a default.
/// </summary>
internal static class StoredNames
{
    /// <summary>SQL list of the terminal states, for <c>state NOT IN (...)</c>; matches the partial indexes.</summary>
    public const string TerminalList = "('succeeded', 'failed', 'cancelled', 'refunded')";

    public static string Of(JobState state) => state switch
    {
        JobState.Received => "received",
        JobState.Queued => "queued",
        JobState.Submitting => "submitting",
        JobState.Running => "running",
        JobState.Delivering => "delivering",
        JobState.Succeeded => "succeeded",
        JobState.Failed => "failed",
        JobState.Cancelled => "cancelled",
        JobState.Refunded => "refunded",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown job state."),
    };

    public static string Of(LedgerEntryKind kind) => kind switch
    {
        LedgerEntryKind.Reserve => "reserve",
        LedgerEntryKind.Release => "release",
        LedgerEntryKind.Refund => "refund",
        LedgerEntryKind.Grant => "grant",
        LedgerEntryKind.Allowance => "allowance",
        LedgerEntryKind.Adjustment => "adjustment",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown ledger entry kind."),
    };

    public static JobState ParseJobState(string name) =>
        Enum.GetValues<JobState>().FirstOrDefault(s => Of(s) == name) is var state && Of(state) == name
            ? state
            : throw new InvalidOperationException($"The database holds an unknown job state '{name}'.");

    public static LedgerEntryKind ParseLedgerKind(string name) =>
        Enum.GetValues<LedgerEntryKind>().FirstOrDefault(k => Of(k) == name) is var kind && Of(kind) == name
            ? kind
            : throw new InvalidOperationException($"The database holds an unknown ledger entry kind '{name}'.");
}
