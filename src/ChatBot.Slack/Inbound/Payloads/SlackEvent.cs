namespace ChatBot.Slack.Inbound.Payloads;

/// <summary>An event, told apart by its <c>type</c>; one we do not handle (message, …) reads as this base record.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", IgnoreUnrecognizedTypeDiscriminators = true)]
[JsonDerivedType(typeof(ReactionAddedEvent), "reaction_added")]
internal record SlackEvent
{
    public string? User { get; init; }
}
