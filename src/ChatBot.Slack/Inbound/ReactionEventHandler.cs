using ChatBot.Slack.Inbound.Payloads;

namespace ChatBot.Slack.Inbound;

/// <summary>
/// A reaction (<c>reaction_added</c>) that <see cref="SlackOptions.ReactionMap"/> maps to an action, on a message:
/// acts on that message as the matching shortcut would. The bot's own reactions are ignored.
/// </summary>
internal sealed class ReactionEventHandler(SlackUsers users, SlackMessages messages, SlackMessageActions actions, IOptions<SlackOptions> options)
{
    public async Task HandleAsync(string? teamId, ReactionAddedEvent reaction, CancellationToken cancellationToken)
    {
        var user = reaction.User ?? "";
        if (!options.Value.ReactionMap.TryGetValue(reaction.Reaction ?? "", out var action) || reaction.Item?.Type != "message"
            || user == await users.BotUserIdAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var channel = reaction.Item.Channel ?? "";
        if (await messages.FindAsync(channel, reaction.Item.Ts ?? "", cancellationToken).ConfigureAwait(false) is not { } message)
        {
            return;
        }

        var name = await users.DisplayNameAsync(user, cancellationToken).ConfigureAwait(false);
        var origin = new SlackOrigin(teamId ?? "", user, name, channel, message.Thread, null);
        await actions.ActAsync(origin, message, action, trigger: null, cancellationToken).ConfigureAwait(false);
    }
}
