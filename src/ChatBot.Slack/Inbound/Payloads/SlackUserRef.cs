namespace ChatBot.Slack.Inbound.Payloads;

/// <summary>The member in an interaction; payload kinds differ in which of the name fields they fill.</summary>
internal sealed record SlackUserRef(string? Id, string? Username, string? Name, string? TeamId);
