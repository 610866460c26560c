namespace ChatBot.Core.Replies;

/// <summary>Section <c>Replies</c>.</summary>
internal sealed class ReplyOptions
{
    public const string Section = "Replies";

    /// <summary>At most one edit per reply per this interval; the newest state wins.</summary>
    public TimeSpan EditInterval { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>How many past jobs of a model must have finished before an ETA is shown.</summary>
    public int EtaMinimumHistory { get; set; } = 3;
}
