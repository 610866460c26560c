namespace ChatBot.Core.Platform;

/// <summary>
/// Runs a command a member made outside the chat (on the bot's region editor page) so that its reply lands in the
/// member's channel as if they had typed it there. One per platform that needs it (Discord, Slack).
/// </summary>
public interface IChannelCommandRelay
{
    string Platform { get; }

    /// <summary>
    /// Opens a reply in <paramref name="conversation"/> for <paramref name="actor"/>, dispatches the request
    /// <paramref name="request"/> builds around that reply, and shows a refusal there (or only to the member) as the platform does.
    /// </summary>
    Task<CommandOutcome> DispatchAsync(Actor actor, Conversation conversation, Func<ReplyHandle, CommandRequest> request, CancellationToken cancellationToken);
}
