namespace ChatBot.Providers.Blackwave;

/// <summary>The JSON shapes of Blackwave's document (002).</summary>
internal static class BlackwaveWire
{
    /// <summary>One streamed status line, the non-streamed answer, or an error body.</summary>
    public sealed record StatusLine(
        [property: JsonPropertyName("status")] string? Status,
        [property: JsonPropertyName("job_id")] string? JobId,
        [property: JsonPropertyName("queue_position")] int? QueuePosition,
        [property: JsonPropertyName("queue_total")] int? QueueTotal,
        [property: JsonPropertyName("progress")] string? Progress,
        [property: JsonPropertyName("image_url")] string? ImageUrl,
        [property: JsonPropertyName("seed")] long? Seed,
        [property: JsonPropertyName("credits_used")] decimal? CreditsUsed,
        [property: JsonPropertyName("error")] string? Error,
        [property: JsonPropertyName("message")] string? Message);
}
