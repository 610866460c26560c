using System.Text.Json.Serialization;
using ChatBot.Core.Model;

namespace ChatBot.Slack.Inbound.Payloads;

/// <summary>
/// What the Edit… modal keeps in its <c>private_metadata</c> (at most 3000 characters, hence the short names):
/// either the result button it came from, or the member's image; and where to reply.
/// </summary>
internal sealed record EditModalMetadata
{
    /// <summary>The Edit button's action_id, when editing one of our results.</summary>
    [JsonPropertyName("b")]
    public string? Button { get; init; }

    [JsonPropertyName("u")]
    public string? Url { get; init; }

    [JsonPropertyName("n")]
    public string? FileName { get; init; }

    [JsonPropertyName("m")]
    public string? ContentType { get; init; }

    [JsonPropertyName("s")]
    public long? Size { get; init; }

    [JsonPropertyName("c")]
    public string? Channel { get; init; }

    [JsonPropertyName("t")]
    public string? ThreadTs { get; init; }

    public static EditModalMetadata ForFile(MediaRef image) => new()
    {
        Url = image.Url,
        FileName = image.FileName,
        ContentType = image.DeclaredContentType,
        Size = image.DeclaredSize,
    };

    /// <summary>The member's image, read back as the engine fetches it (url_private with the bot token).</summary>
    public MediaRef? ToImage() => Url is { } url ? new MediaRef(url, FileName ?? "image", ContentType, Size, RequiresBotToken: true) : null;
}
