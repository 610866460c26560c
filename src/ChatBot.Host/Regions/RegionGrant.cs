using System.Text.Json.Serialization;

namespace ChatBot.Host.Regions;

/// <summary>
/// What a signed region-editor link allows: one member (as the platform named them when they pressed) painting on one
/// output of one result, in the conversation the button was in, until <see cref="ExpiresAtUnixSeconds"/>.
/// </summary>
internal sealed record RegionGrant(
    [property: JsonPropertyName("p")] string Platform,
    [property: JsonPropertyName("t")] string TenantId,
    [property: JsonPropertyName("u")] string UserId,
    [property: JsonPropertyName("n")] string DisplayName,
    [property: JsonPropertyName("a")] bool IsAdmin,
    [property: JsonPropertyName("c")] string ChannelId,
    [property: JsonPropertyName("x")] bool IsNsfw,
    [property: JsonPropertyName("d")] bool IsDirectMessage,
    [property: JsonPropertyName("h")] string? ThreadId,
    [property: JsonPropertyName("j")] string JobId,
    [property: JsonPropertyName("i")] int OutputIndex,
    [property: JsonPropertyName("e")] long ExpiresAtUnixSeconds)
{
    public Actor Actor => new(Platform, TenantId, UserId, DisplayName, IsAdmin);

    public Conversation Conversation => new(ChannelId, IsNsfw, IsDirectMessage, ThreadId);

    public static RegionGrant For(CommandRequest press, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(press);
        var (actor, conversation) = (press.Actor, press.Conversation);
        return new RegionGrant(
            actor.Platform, actor.TenantId, actor.UserId, actor.DisplayName, actor.IsAdmin,
            conversation.ChannelId, conversation.IsNsfw, conversation.IsDirectMessage, conversation.ThreadId,
            press.SourceJobId ?? "", press.SourceOutputIndex ?? 0, expiresAt.ToUnixTimeSeconds());
    }
}
