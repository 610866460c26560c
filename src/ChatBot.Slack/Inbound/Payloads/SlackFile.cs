namespace ChatBot.Slack.Inbound.Payloads;

/// <summary>A file on a message; <c>url_private</c> needs the bot token to read.</summary>
internal sealed record SlackFile(string? Name, string? Mimetype, string? UrlPrivate, long? Size);
