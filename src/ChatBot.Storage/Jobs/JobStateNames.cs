using ChatBot.Storage.Sqlite;

namespace ChatBot.Storage.Jobs;

/// <summary>Job states as stored: stable lower-case names, independent of the enum's order.</summary>
internal static class JobStateNames
{
    /// <summary>SQL list of the terminal states, for <c>state NOT IN (...)</c>; matches the partial indexes.</summary>
    public const string TerminalList = "('succeeded', 'failed', 'cancelled', 'refunded')";

    private static readonly StoredNames<JobState> Names = new(
        "job state",
        (JobState.Received, "received"),
        (JobState.Queued, "queued"),
        (JobState.Submitting, "submitting"),
        (JobState.Running, "running"),
        (JobState.Delivering, "delivering"),
        (JobState.Succeeded, "succeeded"),
        (JobState.Failed, "failed"),
        (JobState.Cancelled, "cancelled"),
        (JobState.Refunded, "refunded"),
        (JobState.AwaitingConfirmation, "awaiting-confirmation"));

    public static string ToName(JobState state) => Names.ToName(state);

    public static JobState Parse(string name) => Names.Parse(name);
}
