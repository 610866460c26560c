namespace ChatBot.Slack.Inbound.Payloads;

internal sealed record SlackChannelRef(string? Id);
