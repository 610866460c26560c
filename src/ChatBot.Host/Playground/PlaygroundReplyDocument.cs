using System.Text.Json.Serialization;
using ChatBot.Core.Platform;

namespace ChatBot.Host.Playground;

/// <summary>A <see cref="PlaygroundReply"/> as the JSON document <see cref="IPlatformReplyStore"/> keeps.</summary>
internal static class PlaygroundReplyDocument
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static StoredReply Write(PlaygroundReply reply) =>
        new(PlatformNames.Playground, reply.Id, reply.CreatedAt, JsonSerializer.Serialize(reply, Json));

    /// <summary>The reply, or null when the document is not one (written by a newer or broken version).</summary>
    public static PlaygroundReply? Read(StoredReply row)
    {
        ArgumentNullException.ThrowIfNull(row);
        try
        {
            return JsonSerializer.Deserialize<PlaygroundReply>(row.Document, Json) is { } reply
                ? reply with { Id = row.Id, CreatedAt = row.CreatedAt }
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
