namespace ChatBot.Slack.Inbound.Payloads;

/// <summary>One clicked element of a <c>block_actions</c> payload.</summary>
internal sealed record SlackBlockAction(string? ActionId, string? Value);
