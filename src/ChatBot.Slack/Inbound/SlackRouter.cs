using ChatBot.Slack.Inbound.Payloads;

namespace ChatBot.Slack.Inbound;

/// <summary>
/// Reads a queued Slack request into its typed payload and hands it to the one handler for that kind:
/// slash command, button click, message shortcut, modal submission or reaction. Kinds we do not serve are ignored.
/// </summary>
internal sealed class SlackRouter(
    SlashCommandHandler slashCommands,
    BlockActionHandler blockActions,
    MessageShortcutHandler messageShortcuts,
    ViewSubmissionHandler viewSubmissions,
    ReactionEventHandler reactions,
    ILogger<SlackRouter> logger)
{
    public Task HandleAsync(SlackInboundItem item, CancellationToken cancellationToken)
    {
        try
        {
            return item.Kind switch
            {
                SlackInboundKind.SlashCommand => SlashCommandAsync(item.Payload, cancellationToken),
                SlackInboundKind.Interaction => InteractionAsync(item.Payload, cancellationToken),
                _ => EventAsync(item.Payload, cancellationToken),
            };
        }
        catch (JsonException ex)
        {
            logger.PayloadUnreadable(item.Kind.ToString(), ex.Message);
            return Task.CompletedTask;
        }
    }

    private Task SlashCommandAsync(JsonElement payload, CancellationToken cancellationToken) =>
        payload.Deserialize(SlackJsonContext.Default.SlashCommandPayload) is { } command
            ? slashCommands.HandleAsync(command, cancellationToken)
            : Task.CompletedTask;

    private Task InteractionAsync(JsonElement payload, CancellationToken cancellationToken) =>
        payload.Deserialize(SlackJsonContext.Default.SlackInteraction) switch
        {
            BlockActionsPayload clicks => blockActions.HandleAsync(clicks, cancellationToken),
            MessageShortcutPayload shortcut => messageShortcuts.HandleAsync(shortcut, cancellationToken),
            ViewSubmissionPayload submission => viewSubmissions.HandleAsync(submission, cancellationToken),
            _ => Task.CompletedTask,
        };

    private Task EventAsync(JsonElement payload, CancellationToken cancellationToken) =>
        payload.Deserialize(SlackJsonContext.Default.SlackEventCallback) is { Event: ReactionAddedEvent reaction } callback
            ? reactions.HandleAsync(callback.TeamId, reaction, cancellationToken)
            : Task.CompletedTask;
}
