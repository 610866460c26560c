using SkiaSharp;

namespace ChatBot.Providers.Local.Imaging;

/// <summary>
/// Decodes PNG, JPEG, WebP and GIF files into <see cref="RgbaImage"/>s and encodes them as PNG, through SkiaSharp.
/// Pixels stay unpremultiplied and untouched by colour management, so a PNG round trip is exact and the same
/// picture always encodes to the same bytes. Callers sniff the header first (<see cref="ImageLoader"/>): nothing
/// unchecked reaches the decoder.
/// </summary>
internal static class ImageCodec
{
    /// <summary>Decodes the first frame. Throws <see cref="InvalidDataException"/> for a damaged, cut-short or oversized file.</summary>
    /// <param name="sniffed">The size the header said when it was sniffed: the decoder must see the same picture, or nothing is decoded.</param>
    public static RgbaImage Decode(byte[] file, long maxPixels, (int Width, int Height)? sniffed = null)
    {
        using var data = SKData.CreateCopy(file);
        using var codec = SKCodec.Create(data) ?? throw new InvalidDataException("the file is damaged or in a format the bot cannot open");
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0)
        {
            throw new InvalidDataException("the file does not say how large the picture is");
        }

        // A second gate after the sniffer's: a file with two headers (two IHDRs, a canvas around a larger frame) is
        // refused before any pixel buffer is allocated for the size only the decoder saw.
        if (sniffed is { } expected && (expected.Width, expected.Height) != (width, height))
        {
            throw new InvalidDataException($"its header says {expected.Width}×{expected.Height} but the picture inside is {width}×{height}");
        }

        if ((long)width * height > maxPixels)
        {
            throw new InvalidDataException($"the picture is {width}×{height}, more pixels than allowed");
        }

        var image = new RgbaImage(width, height);
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var pin = GCHandle.Alloc(image.Pixels, GCHandleType.Pinned);
        try
        {
            var result = codec.GetPixels(info, pin.AddrOfPinnedObject());
            if (result != SKCodecResult.Success)
            {
                throw new InvalidDataException(result == SKCodecResult.IncompleteInput ? "the file is cut short or damaged" : $"the file could not be decoded ({result})");
            }
        }
        finally
        {
            pin.Free();
        }

        return image;
    }

    /// <summary>
    /// Encodes an 8-bit PNG: RGB when every pixel is opaque, else RGBA. Each row gets the filter that suits it
    /// (zlib at a fast level: the pictures are smooth and encoding sits inside the member's wait).
    /// </summary>
    public static byte[] EncodePng(RgbaImage image, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var alpha = image.IsOpaque() ? SKAlphaType.Opaque : SKAlphaType.Unpremul;
        var info = new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, alpha);
        var pin = GCHandle.Alloc(image.Pixels, GCHandleType.Pinned);
        try
        {
            using var pixmap = new SKPixmap(info, pin.AddrOfPinnedObject(), image.Width * 4);
            using var png = pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 1))
                ?? throw new InvalidOperationException("SkiaSharp could not encode the picture as PNG.");
            return png.ToArray();
        }
        finally
        {
            pin.Free();
        }
    }
}
