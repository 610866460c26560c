namespace ChatBot.Slack.Inbound.Payloads;

/// <summary>A member added an emoji reaction (<c>reaction_added</c>) to an item.</summary>
internal sealed record ReactionAddedEvent : SlackEvent
{
    public string? Reaction { get; init; }

    public SlackReactionItem? Item { get; init; }
}
