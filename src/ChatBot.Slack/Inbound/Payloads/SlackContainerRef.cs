namespace ChatBot.Slack.Inbound.Payloads;

/// <summary>Where a clicked button sits; carries the channel when the payload has no <c>channel</c> object.</summary>
internal sealed record SlackContainerRef(string? ChannelId, string? MessageTs);
