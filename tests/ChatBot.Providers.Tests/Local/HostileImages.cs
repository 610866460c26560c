using System.Buffers.Binary;
using System.IO.Compression;
using SkiaSharp;

namespace ChatBot.Providers.Tests.Local;

/// <summary>
/// Files built to lie about their size (issue 13 points 4 and 5): a header that claims a tiny picture around a
/// large one. Built here from real encoders plus a patched header, never shipped as binaries.
/// </summary>
internal static class HostileImages
{
    /// <summary>
    /// A lossy WebP of <paramref name="frameSize"/>² pixels (encoded by SkiaSharp) wrapped in an extended-format
    /// header (VP8X) whose canvas claims 1×1: intake reads the canvas, a decoder that trusts the frame decodes it all.
    /// </summary>
    public static byte[] WebPClaimingOnePixel(int frameSize)
    {
        using var bitmap = new SKBitmap(frameSize, frameSize, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(frameSize, frameSize), [SKColors.Navy, SKColors.Orange], SKShaderTileMode.Clamp) })
        {
            canvas.DrawRect(0, 0, frameSize, frameSize, paint);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Webp, 60);
        var simple = data.ToArray();

        // simple = "RIFF" size "WEBP" then the "VP8 " chunk; insert a VP8X chunk (flags 0, canvas 1×1) before it.
        var frameChunk = simple.AsSpan(12);
        var vp8x = new byte[18];
        "VP8X"u8.CopyTo(vp8x);
        BinaryPrimitives.WriteUInt32LittleEndian(vp8x.AsSpan(4), 10);

        // Canvas width-1 and height-1 are 24-bit little-endian at offsets 12 and 15 of the chunk: zero = 1 pixel.
        var file = new byte[12 + vp8x.Length + frameChunk.Length];
        "RIFF"u8.CopyTo(file);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)(file.Length - 8));
        "WEBP"u8.CopyTo(file.AsSpan(8));
        vp8x.CopyTo(file.AsSpan(12));
        frameChunk.CopyTo(file.AsSpan(12 + vp8x.Length));
        return file;
    }

    /// <summary>
    /// A PNG with two IHDR chunks: the first says <paramref name="first"/>² (what intake reads), the second
    /// <paramref name="second"/>², followed by image data for the second.
    /// </summary>
    public static byte[] PngWithSecondIhdr(int first, int second)
    {
        using var file = new MemoryStream();
        file.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(file, "IHDR", Ihdr(first));
        WriteChunk(file, "IHDR", Ihdr(second));
        WriteChunk(file, "IDAT", ZeroRows(second));
        WriteChunk(file, "IEND", []);
        return file.ToArray();
    }

    private static byte[] Ihdr(int size)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, size);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), size);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // RGB
        return ihdr;
    }

    private static byte[] ZeroRows(int size)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[1 + (size * 3)];
            for (var y = 0; y < size; y++)
            {
                zlib.Write(row);
            }
        }

        return compressed.ToArray();
    }

    private static void WriteChunk(Stream file, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        file.Write(word);
        var typed = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type).CopyTo(typed, 0);
        data.CopyTo(typed, 4);
        file.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(typed));
        file.Write(word);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
