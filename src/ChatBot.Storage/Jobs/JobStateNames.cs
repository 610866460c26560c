using ChatBot.Core.Model;

namespace ChatBot.Storage.Jobs;

/// <summary>Job states as stored: stable lower-case names, independent of the enum's order.</summary>
internal static class JobStateNames
{
    /// <summary>SQL list of the terminal states, for <c>state NOT IN (...)</c>; matches the partial indexes.</summary>
    public const string TerminalList = "('succeeded', 'failed', 'cancelled', 'refunded')";

    public static string ToName(JobState state) => state switch
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

    public static JobState Parse(string name) => name switch
    {
        "received" => JobState.Received,
        "queued" => JobState.Queued,
        "submitting" => JobState.Submitting,
        "running" => JobState.Running,
        "delivering" => JobState.Delivering,
        "succeeded" => JobState.Succeeded,
        "failed" => JobState.Failed,
        "cancelled" => JobState.Cancelled,
        "refunded" => JobState.Refunded,
        _ => throw new InvalidOperationException($"A job holds an unknown state '{name}'."),
    };
}
