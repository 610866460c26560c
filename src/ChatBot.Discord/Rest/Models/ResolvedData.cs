namespace ChatBot.Discord.Rest.Models;

internal sealed record ResolvedData
{
    public IReadOnlyDictionary<string, DiscordAttachment>? Attachments { get; init; }
    public IReadOnlyDictionary<string, DiscordMessage>? Messages { get; init; }
}
