using System.Runtime.CompilerServices;
using System.Buffers.Binary;
using System.IO.Compression;

namespace ChatBot.Providers.Local;

/// <summary>
/// Reads non-interlaced 8-bit PNGs of every colour type (grey, RGB, palette, grey+alpha, RGBA)
/// with all five row filters. Interlaced, 16-bit and sub-byte files are left to ffmpeg.
/// </summary>
internal static class PngDecoder
{
    // Spelled as bytes: in a u8 literal "\x89" would become the two UTF-8 bytes C2 89.
    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>
    /// Decodes <paramref name="png"/>, or returns null when the file is valid but of a kind this
    /// decoder leaves to ffmpeg. Throws <see cref="InvalidDataException"/> for a broken file.
    /// </summary>
    public static RgbaImage? TryDecode(ReadOnlySpan<byte> png, long maxPixels)
    {
        if (!png.StartsWith(Signature))
        {
            throw new InvalidDataException("Not a PNG file.");
        }

        var header = default(Header?);
        byte[]? palette = null;
        byte[]? transparency = null;
        using var idat = new MemoryStream();
        var offset = Signature.Length;
        var ended = false;
        while (!ended)
        {
            if (offset + 12 > png.Length)
            {
                throw new InvalidDataException("The PNG file is cut short.");
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(png[offset..]);
            if (length > int.MaxValue || offset + 12 + (long)length > png.Length)
            {
                throw new InvalidDataException("The PNG file is cut short.");
            }

            var type = png.Slice(offset + 4, 4);
            var data = png.Slice(offset + 8, (int)length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png[(offset + 8 + (int)length)..]);
            var critical = (type[0] & 0x20) == 0;
            if (critical && Crc32.Compute(type, data) != crc)
            {
                throw new InvalidDataException("The PNG file is damaged (checksum mismatch).");
            }

            offset += 12 + (int)length;
            if (type.SequenceEqual("IHDR"u8))
            {
                header = ReadHeader(data);
            }
            else if (type.SequenceEqual("PLTE"u8))
            {
                palette = data.ToArray();
            }
            else if (type.SequenceEqual("tRNS"u8))
            {
                transparency = data.ToArray();
            }
            else if (type.SequenceEqual("IDAT"u8))
            {
                idat.Write(data);
            }
            else if (type.SequenceEqual("IEND"u8))
            {
                ended = true;
            }
        }

        if (header is not { } h)
        {
            throw new InvalidDataException("The PNG file has no header.");
        }

        if (h.BitDepth != 8 || h.Interlaced)
        {
            return null;
        }

        if ((long)h.Width * h.Height > maxPixels)
        {
            throw new InvalidDataException($"The image is too large ({h.Width}×{h.Height}).");
        }

        var channels = h.ColorType switch
        {
            0 => 1,
            2 => 3,
            3 => 1,
            4 => 2,
            6 => 4,
            _ => throw new InvalidDataException("The PNG file has an unknown colour type."),
        };
        if (h.ColorType == 3 && (palette is null || palette.Length % 3 != 0))
        {
            throw new InvalidDataException("The PNG file has no valid palette.");
        }

        var stride = h.Width * channels;
        var raw = Inflate(idat, (long)h.Height * (stride + 1));
        Unfilter(raw, h.Height, stride, channels);
        return ToRgba(raw, h, channels, stride, palette, transparency);
    }

    private static Header ReadHeader(ReadOnlySpan<byte> data)
    {
        if (data.Length != 13)
        {
            throw new InvalidDataException("The PNG header is malformed.");
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(data);
        var height = BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
        if (width is 0 or > int.MaxValue || height is 0 or > int.MaxValue || data[10] != 0 || data[11] != 0 || data[12] > 1)
        {
            throw new InvalidDataException("The PNG header is malformed.");
        }

        return new Header((int)width, (int)height, data[8], data[9], data[12] == 1);
    }

    private static byte[] Inflate(MemoryStream idat, long expected)
    {
        if (expected > int.MaxValue)
        {
            throw new InvalidDataException("The image is too large.");
        }

        var raw = new byte[expected];
        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        try
        {
            zlib.ReadExactly(raw);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The PNG image data is cut short.", e);
        }

        return raw;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Unfilter(byte[] raw, int height, int stride, int bpp)
    {
        var zero = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var start = y * (stride + 1);
            var filter = raw[start];
            var row = raw.AsSpan(start + 1, stride);
            ReadOnlySpan<byte> above = y == 0 ? zero : raw.AsSpan(start - stride, stride);
            switch (filter)
            {
                case 0:
                    break;
                case 1:
                    for (var i = bpp; i < stride; i++)
                    {
                        row[i] += row[i - bpp];
                    }

                    break;
                case 2:
                    for (var i = 0; i < stride; i++)
                    {
                        row[i] += above[i];
                    }

                    break;
                case 3:
                    for (var i = 0; i < stride; i++)
                    {
                        var left = i >= bpp ? row[i - bpp] : 0;
                        row[i] += (byte)((left + above[i]) >> 1);
                    }

                    break;
                case 4:
                    for (var i = 0; i < stride; i++)
                    {
                        var left = i >= bpp ? row[i - bpp] : 0;
                        var upLeft = i >= bpp ? above[i - bpp] : 0;
                        row[i] += (byte)PngEncoder.Paeth(left, above[i], upLeft);
                    }

                    break;
                default:
                    throw new InvalidDataException("The PNG file uses an unknown row filter.");
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static RgbaImage ToRgba(byte[] raw, Header h, int channels, int stride, byte[]? palette, byte[]? transparency)
    {
        var image = new RgbaImage(h.Width, h.Height);
        var key = TransparentKey(h.ColorType, transparency);
        for (var y = 0; y < h.Height; y++)
        {
            ReadOnlySpan<byte> src = raw.AsSpan(y * (stride + 1) + 1, stride);
            var dst = image.Row(y);
            for (int x = 0, s = 0, d = 0; x < h.Width; x++, s += channels, d += 4)
            {
                switch (h.ColorType)
                {
                    case 0:
                        dst[d] = dst[d + 1] = dst[d + 2] = src[s];
                        dst[d + 3] = key == src[s] ? (byte)0 : (byte)255;
                        break;
                    case 2:
                        dst[d] = src[s];
                        dst[d + 1] = src[s + 1];
                        dst[d + 2] = src[s + 2];
                        dst[d + 3] = key == (src[s] << 16 | src[s + 1] << 8 | src[s + 2]) ? (byte)0 : (byte)255;
                        break;
                    case 3:
                        var index = src[s];
                        if (index * 3 + 2 >= palette!.Length)
                        {
                            throw new InvalidDataException("The PNG file refers to a colour outside its palette.");
                        }

                        dst[d] = palette[index * 3];
                        dst[d + 1] = palette[index * 3 + 1];
                        dst[d + 2] = palette[index * 3 + 2];
                        dst[d + 3] = transparency is not null && index < transparency.Length ? transparency[index] : (byte)255;
                        break;
                    case 4:
                        dst[d] = dst[d + 1] = dst[d + 2] = src[s];
                        dst[d + 3] = src[s + 1];
                        break;
                    default:
                        src.Slice(s, 4).CopyTo(dst[d..]);
                        break;
                }
            }
        }

        return image;
    }

    /// <summary>The single transparent colour of a grey or RGB image (tRNS), or -1.</summary>
    private static int TransparentKey(byte colorType, byte[]? transparency) => (colorType, transparency?.Length) switch
    {
        (0, >= 2) => BinaryPrimitives.ReadUInt16BigEndian(transparency!) is var g and <= 255 ? g : -1,
        (2, >= 6) => ReadRgbKey(transparency!),
        _ => -1,
    };

    private static int ReadRgbKey(byte[] t)
    {
        var r = BinaryPrimitives.ReadUInt16BigEndian(t);
        var g = BinaryPrimitives.ReadUInt16BigEndian(t.AsSpan(2));
        var b = BinaryPrimitives.ReadUInt16BigEndian(t.AsSpan(4));
        return r > 255 || g > 255 || b > 255 ? -1 : r << 16 | g << 8 | b;
    }

    private readonly record struct Header(int Width, int Height, byte BitDepth, byte ColorType, bool Interlaced);
}
