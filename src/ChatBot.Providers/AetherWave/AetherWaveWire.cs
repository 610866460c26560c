namespace ChatBot.Providers.AetherWave;

/// <summary>The JSON shapes of AetherWave's Image Studio (000) and Video Studio (003) documents.</summary>
internal static class AetherWaveWire
{
    /// <summary>Answer of every image endpoint: an async task. <c>images</c>/<c>imageUrl</c> accepted in case an endpoint answers at once.</summary>
    public sealed record ImageTaskAnswer(
        string? TaskId,
        string? Message,
        decimal? CreditsUsed,
        int? ExpectedImages,
        IReadOnlyList<string>? Images,
        string? ImageUrl,
        string? Error);

    public sealed record ImageStatus(string? State, IReadOnlyList<string>? Images, decimal? ActualCreditCost, string? Error, string? Message, double? Progress);

    public sealed record VideoAnswer(
        string? Status,
        string? VideoUrl,
        IReadOnlyList<string>? VideoUrls,
        string? TaskId,
        int? TimeoutSeconds,
        decimal? CreditsUsed,
        string? Error);

    public sealed record VideoStatus(
        string? TaskId,
        string? State,
        string? VideoUrl,
        IReadOnlyList<string>? VideoUrls,
        string? Model,
        decimal? CreditCost,
        bool? CreditsDeducted,
        string? Error,
        string? Message,
        double? Progress);

    public sealed record VideoJobAnswer(string? JobId, string? TaskId, decimal? CreditsUsed, string? Error);

    public sealed record VideoProgress(string? Status, string? State, double? Progress, string? VideoUrl, decimal? CreditCost, string? Error, string? Message);

    public sealed record StoryboardShot(
        [property: JsonPropertyName("description")] string Description,
        [property: JsonPropertyName("duration")] int Duration);

    /// <summary><c>GET /api/video/pricing</c>, as the bot reads it (see <see cref="AetherWavePricing"/>).</summary>
    public sealed record PricingAnswer([property: JsonPropertyName("models")] IReadOnlyDictionary<string, ModelPricing>? Models);

    public sealed record ModelPricing(
        [property: JsonPropertyName("credits")] decimal? Credits,
        [property: JsonPropertyName("unit")] string? Unit);
}
