namespace ChatBot.Providers.AetherForge;

/// <summary>The JSON shapes of AetherForge's document (004).</summary>
internal static class AetherForgeWire
{
    public sealed record JobCreated([property: JsonPropertyName("job_id")] string? JobId);

    /// <summary>
    /// The job status. The document names <c>status</c> and <c>image_urls</c>; a failure's reason is not
    /// documented, so <c>message</c>/<c>error</c> are read when present.
    /// </summary>
    public sealed record JobStatus(
        [property: JsonPropertyName("status")] string? Status,
        [property: JsonPropertyName("image_urls")] IReadOnlyList<string>? ImageUrls,
        [property: JsonPropertyName("message")] string? Message,
        [property: JsonPropertyName("error")] string? Error);
}
