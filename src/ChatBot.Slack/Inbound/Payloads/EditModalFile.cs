namespace ChatBot.Slack.Inbound.Payloads;

/// <summary>One file of a message with several, kept in the Edit modal's metadata so the member can give it a role.</summary>
internal sealed record EditModalFile(
    [property: JsonPropertyName("u")] string Url,
    [property: JsonPropertyName("n")] string? FileName,
    [property: JsonPropertyName("m")] string? ContentType,
    [property: JsonPropertyName("s")] long? Size)
{
    public static EditModalFile From(MediaRef file) => new(file.Url, file.FileName, file.DeclaredContentType, file.DeclaredSize);

    /// <summary>"image", "audio" or "video", from the declared content type.</summary>
    [JsonIgnore]
    public string? Kind => ContentType?.Split('/')[0].ToLowerInvariant();

    public MediaRef ToRef(MediaRole role) => new(Url, FileName ?? "file", ContentType, Size, RequiresBotToken: true, role);
}
