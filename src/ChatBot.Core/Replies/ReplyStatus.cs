namespace ChatBot.Core.Replies;

public enum ReplyStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Refused,
    Cancelled,
}
