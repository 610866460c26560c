namespace ChatBot.Slack.Inbound.Payloads;

/// <summary>A plain-text input's value (other input kinds leave it empty).</summary>
internal sealed record SlackInputValue(string? Value);
