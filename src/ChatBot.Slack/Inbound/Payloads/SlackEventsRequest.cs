namespace ChatBot.Slack.Inbound.Payloads;

/// <summary>What the Events API endpoint reads before queuing: an <c>event_callback</c>, or a <c>url_verification</c> challenge.</summary>
internal sealed record SlackEventsRequest(string? Type, string? Challenge);
