namespace ChatBot.Slack.Inbound.Payloads;

internal sealed record SlackBlockElement(string? Type, string? ActionId);
