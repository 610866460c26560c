namespace ChatBot.Discord.Rest;

internal sealed record DiscordAttachment(string Id, string Filename, long Size, string Url, string? ContentType = null, string? ProxyUrl = null);
