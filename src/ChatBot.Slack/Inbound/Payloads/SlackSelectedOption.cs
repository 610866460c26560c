namespace ChatBot.Slack.Inbound.Payloads;

/// <summary>The option chosen in a select.</summary>
internal sealed record SlackSelectedOption(string? Value);
