using ChatBot.Core.Media;
using ChatBot.Core.Providers;

namespace ChatBot.Providers.Local;

/// <summary>
/// Turns an input file into pixels: PNGs with our own decoder, everything else (JPEG, WebP, GIF,
/// interlaced or 16-bit PNG) through ffmpeg, with the size taken from the header first.
/// </summary>
internal sealed class ImageLoader(Ffmpeg ffmpeg, LocalProviderOptions options)
{
    /// <summary>True when reading this input will need ffmpeg (judged by its stored content type).</summary>
    public static bool NeedsFfmpeg(MediaInput input) =>
        !string.Equals(input.Media.ContentType, "image/png", StringComparison.OrdinalIgnoreCase);

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

        return await DecodeAsync(file, cancellationToken).ConfigureAwait(false);
    }

    public async Task<RgbaImage> DecodeAsync(byte[] file, CancellationToken cancellationToken)
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

        if (sniff.ContentType == "image/png")
        {
            try
            {
                if (PngDecoder.TryDecode(file, options.MaxPixels) is { } decoded)
                {
                    return decoded;
                }
            }
            catch (InvalidDataException e)
            {
                throw new ProviderException("unreadable_image", $"The PNG image could not be read: {e.Message}", retryable: false, e);
            }
        }

        if (sniff is not { Width: > 0 and var width, Height: > 0 and var height })
        {
            throw new ProviderException("unreadable_image", "The image could not be read: its header does not say how large it is.");
        }

        return await ffmpeg.DecodeImageAsync(file, width, height, $"Reading {FormatName(sniff.ContentType)} images", cancellationToken).ConfigureAwait(false);
    }
}
