namespace ChatBot.Slack.Inbound.Payloads;

/// <summary>What was reacted to: for <c>type</c> "message", the channel and ts of that message.</summary>
internal sealed record SlackReactionItem(string? Type, string? Channel, string? Ts);
