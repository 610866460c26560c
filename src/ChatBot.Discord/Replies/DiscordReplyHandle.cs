using ChatBot.Core.Platform;

namespace ChatBot.Discord.Replies;

/// <summary>
/// What the Discord adapter needs to edit a job's reply later: the interaction token (valid 15 minutes
/// from <see cref="CreatedAt"/>) and, for channel edits with the bot token, the channel and message ids.
/// Reactions have no interaction: their replies carry only channel and message.
/// </summary>
internal sealed record DiscordReplyHandle(
    [property: JsonPropertyName("a")] string ApplicationId,
    [property: JsonPropertyName("t")] string? Token,
    [property: JsonPropertyName("c")] string ChannelId,
    [property: JsonPropertyName("m")] string? MessageId,
    [property: JsonPropertyName("at")] long CreatedAtUnixMs,
    [property: JsonPropertyName("l")] long AttachmentSizeLimit)
{
    public DateTimeOffset CreatedAt => DateTimeOffset.FromUnixTimeMilliseconds(CreatedAtUnixMs);

    public ReplyHandle ToReplyHandle() => new(PlatformNames.Discord, JsonSerializer.Serialize(this));

    public static DiscordReplyHandle Parse(ReplyHandle handle) =>
        handle.Platform == PlatformNames.Discord
            ? JsonSerializer.Deserialize<DiscordReplyHandle>(handle.Value) ?? throw new FormatException("Empty Discord reply handle.")
            : throw new ArgumentException("Not a Discord reply handle.", nameof(handle));
}
