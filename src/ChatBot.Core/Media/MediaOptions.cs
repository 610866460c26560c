namespace ChatBot.Core.Media;

/// <summary>Section <c>Media</c>: limits on input and result files.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>Largest input attachment, in bytes (default 25 MB).</summary>
    [Range(1024, long.MaxValue)]
    public long MaxInputBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>Largest image, in pixels (default 40 megapixels).</summary>
    [Range(1, long.MaxValue)]
    public long MaxImagePixels { get; set; } = 40_000_000;

    /// <summary>Largest provider result, in bytes (default 200 MB).</summary>
    [Range(1024, long.MaxValue)]
    public long MaxResultBytes { get; set; } = 200L * 1024 * 1024;
}
