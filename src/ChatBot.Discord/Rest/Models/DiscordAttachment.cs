namespace ChatBot.Discord.Rest.Models;

internal sealed record DiscordAttachment(string Id, string Filename, long Size, string Url, string? ContentType = null, string? ProxyUrl = null);
