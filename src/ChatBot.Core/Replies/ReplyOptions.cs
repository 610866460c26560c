namespace ChatBot.Core.Replies;

/// <summary>Section <c>Replies</c>.</summary>
internal sealed class ReplyOptions
{
    public const string Section = "Replies";

    /// <summary>At most one edit per reply per this interval; the newest state wins.</summary>
    public TimeSpan EditInterval { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>
    /// How often a running or queued reply is edited when nothing new happened, so its elapsed time, ETA and wait keep
    /// moving (never more often than <see cref="EditInterval"/>); zero turns the timer off.
    /// </summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Timer edits one platform may take per <see cref="TickInterval"/>, shared by all its replies: with more replies
    /// ticking, each ticks less often, so the timer never eats the platform's rate limit.
    /// </summary>
    public int TickBudget { get; set; } = 5;

    /// <summary>How many past jobs of a model must have finished before an ETA is shown.</summary>
    public int EtaMinimumHistory { get; set; } = 3;
}
