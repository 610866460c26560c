using ChatBot.Core.Platform;

namespace ChatBot.Slack.Inbound;

/// <summary>
/// A command made on the bot's region editor page: its reply is posted in the member's channel (and thread) with the
/// job's first view, as a slash command's is; a refusal reaches the member privately (and the page shows it too).
/// </summary>
internal sealed class SlackChannelCommandRelay(SlackCommandRunner runner) : IChannelCommandRelay
{
    public string Platform => PlatformNames.Slack;

    public async Task<CommandOutcome> DispatchAsync(Actor actor, Conversation conversation, Func<ReplyHandle, CommandRequest> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(conversation);
        var origin = new SlackOrigin(actor.TenantId, actor.UserId, actor.DisplayName, conversation.ChannelId, conversation.ThreadId, null);
        return await runner.RunJobAsync(origin, request, cancellationToken).ConfigureAwait(false)
            ?? new CommandOutcome.Refused("Something went wrong on my side and nothing was charged. Please try again.");
    }
}
