namespace ChatBot.Providers.Local;

/// <summary>Settings of the offline provider (section <c>Providers:Local</c>).</summary>
internal sealed class LocalProviderOptions
{
    public const string SectionName = "Providers:Local";

    /// <summary>The ffmpeg executable: a name on PATH or a full path. Only video needs it.</summary>
    [Required]
    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>A pause after each rendering pass so members can watch progress move; zero turns it off.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan PassDelay { get; set; } = TimeSpan.FromSeconds(0.4);

    /// <summary>About how many pixels /imagine renders (1024×1024 at 1:1); other aspects keep the count.</summary>
    [Range(16_384, 16_777_216)]
    public long ImagePixels { get; set; } = 1024 * 1024;

    /// <summary>The largest picture (in pixels) upscale and reframe will produce or read.</summary>
    [Range(1_000_000, 268_435_456)]
    public long MaxPixels { get; set; } = 64L * 1024 * 1024;

    /// <summary>How long one ffmpeg run may take before it is stopped.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan FfmpegTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The largest video one ffmpeg run may write (ffmpeg's <c>-fs</c>): a run is bounded by size as well as by time,
    /// so an input that makes ffmpeg write far more than expected is stopped at once, not after the timeout.
    /// </summary>
    [Range(1_000, 4_294_967_296)]
    public long MaxVideoBytes { get; set; } = 200L * 1024 * 1024;
}
