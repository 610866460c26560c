namespace ChatBot.Slack.Inbound.Payloads;

/// <summary>A message shortcut chosen from a message's menu (<c>message_action</c>).</summary>
internal sealed record MessageShortcutPayload : SlackInteraction
{
    public string? CallbackId { get; init; }

    public SlackChannelRef? Channel { get; init; }

    public SlackMessage? Message { get; init; }
}
