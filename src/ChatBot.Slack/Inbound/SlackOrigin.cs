using ChatBot.Core.Platform;

namespace ChatBot.Slack.Inbound;

/// <summary>Who asked, where, and how to answer them privately.</summary>
internal sealed record SlackOrigin(string TeamId, string UserId, string UserName, string Channel, string? ThreadTs, string? ResponseUrl)
{
    public Conversation Conversation => new(Channel, IsNsfw: false, IsDirectMessage: Channel.StartsWith('D'), ThreadId: ThreadTs);

    /// <summary>Commands that answer at once carry a handle that is never edited.</summary>
    public ReplyHandle NoReply => new(PlatformNames.Slack, $"{Channel}|-|");
}
