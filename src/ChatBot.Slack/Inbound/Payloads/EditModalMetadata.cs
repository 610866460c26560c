namespace ChatBot.Slack.Inbound.Payloads;

/// <summary>
/// What the Edit… modal keeps in its <c>private_metadata</c> (at most 3000 characters, hence the short names):
/// either the result button it came from, or the member's image; and where to reply.
/// </summary>
/// <param name="Button">The Edit button's action_id, when editing one of our results.</param>
internal sealed record EditModalMetadata(
    [property: JsonPropertyName("b")] string? Button = null,
    [property: JsonPropertyName("u")] string? Url = null,
    [property: JsonPropertyName("n")] string? FileName = null,
    [property: JsonPropertyName("m")] string? ContentType = null,
    [property: JsonPropertyName("s")] long? Size = null,
    [property: JsonPropertyName("c")] string? Channel = null,
    [property: JsonPropertyName("t")] string? ThreadTs = null,
    [property: JsonPropertyName("f")] IReadOnlyList<EditModalFile>? Files = null)
{
    public static EditModalMetadata ForFile(MediaRef image) =>
        new(Url: image.Url, FileName: image.FileName, ContentType: image.DeclaredContentType, Size: image.DeclaredSize);

    /// <summary>The member's image, read back as the engine fetches it (url_private with the bot token).</summary>
    public MediaRef? ToImage() => Url is { } url ? new MediaRef(url, FileName ?? "image", ContentType, Size, RequiresBotToken: true) : null;
}
