using ChatBot.Providers.Local.Imaging;
using ChatBot.Providers.Local.Rendering;

namespace ChatBot.Providers.Local;

/// <summary>Shared bits of the local operations: seeds, previews and progress steps.</summary>
internal static class LocalOutputs
{
    public const int PreviewSide = 256;

    /// <summary>The seed a job uses when the member gave none: stable for the job, so a restart redraws the same picture.</summary>
    public static long SeedFor(string jobId, long? seed) => seed ?? (long)(SplitMix.Hash(jobId) & 0xFFFFFFFFUL);

    public static MediaOutput Png(string fileName, RgbaImage image, CancellationToken cancellationToken) =>
        MediaOutput.FromBytes(fileName, "image/png", ImageCodec.EncodePng(image, cancellationToken));

    public static MediaOutput Preview(RgbaImage image, CancellationToken cancellationToken)
    {
        var scale = Math.Min(1.0, (double)PreviewSide / Math.Max(image.Width, image.Height));
        var small = scale < 1
            ? ImageScaler.Resize(image, Math.Max(1, (int)Math.Round(image.Width * scale)), Math.Max(1, (int)Math.Round(image.Height * scale)), cancellationToken)
            : image;
        return Png("preview.png", small, cancellationToken);
    }

    /// <summary>A pixel count in (binary) megapixels for messages: 64 × 1024 × 1024 reads "64".</summary>
    public static string Megapixels(long pixels) => (pixels / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>"200 MB" for 200 × 1024², for messages.</summary>
    public static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture) + " MB";

    public static ProviderUpdate.Running Step(double done, double total, string message, MediaOutput? preview = null) =>
        new(Math.Round(Math.Clamp(done / total, 0, 1) * 100, 1), message, preview);
}
