namespace ChatBot.Core.Replies;

public enum ReplyStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Refused,
    Cancelled,

    /// <summary>The job waits for its member to confirm its cost (Confirm / Cancel buttons); nothing is reserved yet.</summary>
    AwaitingConfirmation,
}
