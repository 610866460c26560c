namespace ChatBot.Slack.Inbound.Payloads;

/// <summary>An Events API delivery (<c>event_callback</c>): the workspace and the event itself.</summary>
internal sealed record SlackEventCallback(string? TeamId, string? EventId, SlackEvent? Event);
