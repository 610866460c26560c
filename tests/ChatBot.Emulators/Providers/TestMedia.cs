using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace ChatBot.Emulators.Providers;

/// <summary>Small but valid media files the provider emulators serve and tests upload.</summary>
public static partial class TestMedia
{
    /// <summary>
    /// A real, decodable opaque PNG of the given size (a gradient, with a fixed grain in blue so the file stays about
    /// as large as its pixels: the size-cap tests rely on it), encoded by SkiaSharp.
    /// </summary>
    public static byte[] Png(int width = 8, int height = 8, byte seed = 0) =>
        Encode(width, height, SKAlphaType.Opaque, (x, y) => new SKColor(
            (byte)(x * 255 / Math.Max(1, width - 1)),
            (byte)(y * 255 / Math.Max(1, height - 1)),
            (byte)(seed ^ Grain(x, y))));

    /// <summary>
    /// A real RGBA PNG mask in the bot's convention: the left half transparent (to be edited), the right half opaque.
    /// </summary>
    public static byte[] MaskPng(int width = 8, int height = 8) =>
        Encode(width, height, SKAlphaType.Unpremul, (x, _) => new SKColor(0, 0, 0, (byte)(x < width / 2 ? 0 : 255)));

    /// <summary>An opaque black-and-white PNG mask as members draw one: the left half white (to be changed), the right half black.</summary>
    public static byte[] BlackWhiteMaskPng(int width = 8, int height = 8) =>
        Encode(width, height, SKAlphaType.Opaque, (x, _) => x < width / 2 ? SKColors.White : SKColors.Black);

    private static byte[] Encode(int width, int height, SKAlphaType alpha, Func<int, int, SKColor> pixel)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, alpha));
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                bitmap.SetPixel(x, y, pixel(x, y));
            }
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static byte Grain(int x, int y)
    {
        var h = ((uint)x * 73856093u) ^ ((uint)y * 19349663u);
        h ^= h >> 13;
        h *= 0x5bd1e995u;
        return (byte)(h ^ (h >> 15));
    }

    /// <summary>A JPEG header with its frame size (enough for sniffing and size checks).</summary>
    public static byte[] Jpeg(int width = 8, int height = 8)
    {
        using var jpeg = new MemoryStream();
        jpeg.Write([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]);
        jpeg.Write("JFIF\0"u8);
        jpeg.Write([0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
        jpeg.Write([0xFF, 0xC0, 0x00, 0x0B, 0x08]);
        jpeg.Write([(byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width]);
        jpeg.Write([0x01, 0x01, 0x11, 0x00]);
        jpeg.Write([0xFF, 0xD9]);
        return jpeg.ToArray();
    }

    /// <summary>An MP4-shaped file: an <c>ftyp</c> box, an empty <c>moov</c> and some <c>mdat</c>.</summary>
    public static byte[] Mp4(int payloadBytes = 2048)
    {
        using var mp4 = new MemoryStream();
        Box(mp4, "ftyp", [.. "isom"u8, 0, 0, 2, 0, .. "isomiso2mp41"u8]);
        Box(mp4, "moov", []);
        var payload = new byte[payloadBytes];
        for (var i = 0; i < payload.Length; i++)
        {
            payload[i] = (byte)(i * 31);
        }

        Box(mp4, "mdat", payload);
        return mp4.ToArray();
    }

    /// <summary>An MP3-shaped audio file (ID3 header and a few frames' worth of bytes).</summary>
    public static byte[] Mp3() => [.. "ID3"u8, 4, 0, 0, 0, 0, 0, 0, .. new byte[256]];

    private static void Box(Stream stream, string type, byte[] payload)
    {
        Span<byte> size = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(size, (uint)(8 + payload.Length));
        stream.Write(size);
        stream.Write(Encoding.ASCII.GetBytes(type));
        stream.Write(payload);
    }
}
