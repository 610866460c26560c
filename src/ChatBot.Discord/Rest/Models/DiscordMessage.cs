namespace ChatBot.Discord.Rest.Models;

internal sealed record DiscordMessage(string Id, string ChannelId)
{
    public string? GuildId { get; init; }
    public DiscordUser? Author { get; init; }
    public string? Content { get; init; }
    public IReadOnlyList<DiscordAttachment>? Attachments { get; init; }
    public JsonElement? Components { get; init; }
}
