namespace ChatBot.Slack.Inbound.Payloads;

/// <summary>An event, told apart by its <c>type</c>; one we do not handle reads as this base record.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", IgnoreUnrecognizedTypeDiscriminators = true)]
[JsonDerivedType(typeof(ReactionAddedEvent), "reaction_added")]
[JsonDerivedType(typeof(MessageEvent), "message")]
internal record SlackEvent
{
    public string? User { get; init; }
}
