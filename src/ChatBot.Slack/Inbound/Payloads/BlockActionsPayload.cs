namespace ChatBot.Slack.Inbound.Payloads;

/// <summary>A click on one of our buttons (<c>block_actions</c>), in a message or an ephemeral offer.</summary>
internal sealed record BlockActionsPayload : SlackInteraction
{
    public SlackChannelRef? Channel { get; init; }

    public SlackContainerRef? Container { get; init; }

    public SlackMessage? Message { get; init; }

    public IReadOnlyList<SlackBlockAction>? Actions { get; init; }
}
