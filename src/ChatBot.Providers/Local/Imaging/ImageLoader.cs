using ChatBot.Core.Media;

namespace ChatBot.Providers.Local.Imaging;

/// <summary>
/// Turns an input file into pixels: the header is sniffed first (type and size, against the pixel cap), and only
/// a file that passed is decoded, by <see cref="ImageCodec"/> (PNG, JPEG, WebP, GIF; no ffmpeg needed).
/// </summary>
internal sealed class ImageLoader(LocalProviderOptions options)
{
    /// <summary>"JPEG" for image/jpeg and so on, for messages.</summary>
    public static string FormatName(string contentType) =>
        contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ? contentType[6..].ToUpperInvariant() : contentType;

    public async Task<RgbaImage> LoadAsync(MediaInput input, CancellationToken cancellationToken)
    {
        byte[] file;
        var stream = await input.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            file = buffer.ToArray();
        }

        return Decode(file, cancellationToken);
    }

    public RgbaImage Decode(byte[] file, CancellationToken cancellationToken)
    {
        var sniff = MediaSniffer.Sniff(file.AsSpan(0, Math.Min(file.Length, MediaSniffer.HeaderBytes)));
        if (sniff is null || sniff.Kind != MediaKind.Image)
        {
            throw new ProviderException("unsupported_input", "The attached file is not an image I can read (PNG, JPEG, WebP or GIF).");
        }

        if (sniff.Pixels > options.MaxPixels)
        {
            throw new ProviderException("image_too_large", $"The image is too large ({sniff.Width}×{sniff.Height}); the local provider reads up to {LocalOutputs.Megapixels(options.MaxPixels)} megapixels.");
        }

        if (sniff is not { Width: > 0, Height: > 0 })
        {
            throw new ProviderException("unreadable_image", "The image could not be read: its header does not say how large it is.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return ImageCodec.Decode(file, options.MaxPixels, (sniff.Width.Value, sniff.Height.Value));
        }
        catch (InvalidDataException e)
        {
            throw new ProviderException("unreadable_image", $"The {FormatName(sniff.ContentType)} image could not be read: {e.Message}.", retryable: false, e);
        }
    }
}
