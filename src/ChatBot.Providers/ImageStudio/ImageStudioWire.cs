namespace ChatBot.Providers.ImageStudio;

/// <summary>The JSON shapes of ALwrity Image Studio's document (001).</summary>
internal static class ImageStudioWire
{
    public sealed record CreateAnswer(
        [property: JsonPropertyName("success")] bool Success,
        [property: JsonPropertyName("results")] IReadOnlyList<CreateResult>? Results,
        [property: JsonPropertyName("total_generated")] int? TotalGenerated,
        [property: JsonPropertyName("total_failed")] int? TotalFailed);

    public sealed record CreateResult(
        [property: JsonPropertyName("image_base64")] string? ImageBase64,
        [property: JsonPropertyName("width")] int? Width,
        [property: JsonPropertyName("height")] int? Height,
        [property: JsonPropertyName("provider")] string? Provider,
        [property: JsonPropertyName("model")] string? Model,
        [property: JsonPropertyName("variation")] int? Variation);

    /// <summary>The single-image answer of edit, upscale and control.</summary>
    public sealed record ImageAnswer(
        [property: JsonPropertyName("success")] bool Success,
        [property: JsonPropertyName("image_base64")] string? ImageBase64,
        [property: JsonPropertyName("width")] int? Width,
        [property: JsonPropertyName("height")] int? Height);

    public sealed record SocialAnswer(
        [property: JsonPropertyName("success")] bool Success,
        [property: JsonPropertyName("results")] IReadOnlyList<SocialResult>? Results);

    public sealed record SocialResult(
        [property: JsonPropertyName("platform")] string? Platform,
        [property: JsonPropertyName("format")] string? Format,
        [property: JsonPropertyName("image_base64")] string? ImageBase64);

    public sealed record Estimate([property: JsonPropertyName("estimated_cost")] decimal? EstimatedCost);

    public sealed record Health([property: JsonPropertyName("status")] string? Status);

    public sealed record TemplateList([property: JsonPropertyName("templates")] IReadOnlyList<TemplateEntry>? Templates);

    public sealed record TemplateEntry(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("name")] string? Name,
        [property: JsonPropertyName("category")] string? Category,
        [property: JsonPropertyName("platform")] string? Platform,
        [property: JsonPropertyName("aspect_ratio")] TemplateRatio? AspectRatio);

    public sealed record TemplateRatio(
        [property: JsonPropertyName("ratio")] string? Ratio,
        [property: JsonPropertyName("width")] int? Width,
        [property: JsonPropertyName("height")] int? Height);

    /// <summary><c>GET /social/platforms/{platform}/formats</c>.</summary>
    public sealed record FormatList([property: JsonPropertyName("formats")] IReadOnlyList<Format>? Formats);

    public sealed record Format(
        [property: JsonPropertyName("name")] string? Name,
        [property: JsonPropertyName("width")] int? Width,
        [property: JsonPropertyName("height")] int? Height,
        [property: JsonPropertyName("ratio")] string? Ratio);

    /// <summary><c>GET /platform-specs/{platform}</c>.</summary>
    public sealed record PlatformSpecs(
        [property: JsonPropertyName("name")] string? Name,
        [property: JsonPropertyName("file_types")] IReadOnlyList<string>? FileTypes,
        [property: JsonPropertyName("max_file_size")] string? MaxFileSize);

    /// <summary><c>GET /providers</c>: the AI providers behind Image Studio, by key.</summary>
    public sealed record ProviderList([property: JsonPropertyName("providers")] IReadOnlyDictionary<string, ProviderEntry>? Providers);

    public sealed record ProviderEntry(
        [property: JsonPropertyName("name")] string? Name,
        [property: JsonPropertyName("models")] IReadOnlyList<string>? Models,
        [property: JsonPropertyName("capabilities")] IReadOnlyList<string>? Capabilities);

    /// <summary><c>GET /edit/operations</c> and <c>GET /control/operations</c>: the operations by key.</summary>
    public sealed record OperationList([property: JsonPropertyName("operations")] IReadOnlyDictionary<string, OperationEntry>? Operations);

    public sealed record OperationEntry([property: JsonPropertyName("label")] string? Label);
}
