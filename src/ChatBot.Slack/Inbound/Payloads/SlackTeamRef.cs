namespace ChatBot.Slack.Inbound.Payloads;

internal sealed record SlackTeamRef(string? Id);
