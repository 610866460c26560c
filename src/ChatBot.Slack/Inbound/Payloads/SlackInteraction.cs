namespace ChatBot.Slack.Inbound.Payloads;

/// <summary>
/// An interactivity payload, told apart by its <c>type</c>; a type we do not handle reads as this base record.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", IgnoreUnrecognizedTypeDiscriminators = true)]
[JsonDerivedType(typeof(BlockActionsPayload), "block_actions")]
[JsonDerivedType(typeof(MessageShortcutPayload), "message_action")]
[JsonDerivedType(typeof(ViewSubmissionPayload), "view_submission")]
internal record SlackInteraction
{
    public SlackTeamRef? Team { get; init; }

    public SlackUserRef? User { get; init; }

    public string? TriggerId { get; init; }

    public string? ResponseUrl { get; init; }
}
