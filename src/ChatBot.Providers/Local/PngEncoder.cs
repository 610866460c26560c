using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.CompilerServices;

namespace ChatBot.Providers.Local;

/// <summary>
/// Writes 8-bit RGB or RGBA PNGs. Each row gets the filter whose output has the smallest
/// sum of absolute values (the usual heuristic), which suits smooth procedural pictures.
/// </summary>
internal static class PngEncoder
{
    // Spelled as bytes: in a u8 literal "\x89" would become the two UTF-8 bytes C2 89.
    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Encodes the image, dropping the alpha channel when every pixel is opaque.</summary>
    public static byte[] Encode(RgbaImage image, CompressionLevel level = CompressionLevel.Fastest, CancellationToken cancellationToken = default)
    {
        var channels = image.IsOpaque() ? 3 : 4;
        var width = image.Width;
        var stride = width * channels;

        using var output = new MemoryStream();
        output.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header[4..], (uint)image.Height);
        header[8] = 8;
        header[9] = (byte)(channels == 4 ? 6 : 2);
        WriteChunk(output, "IHDR"u8, header);

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, level, leaveOpen: true))
        {
            var previous = new byte[stride];
            var current = new byte[stride];
            var candidates = new byte[5][];
            for (var f = 0; f < candidates.Length; f++)
            {
                candidates[f] = new byte[stride + 1];
                candidates[f][0] = (byte)f;
            }

            for (var y = 0; y < image.Height; y++)
            {
                if ((y & 63) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                CopyRow(image.Row(y), current, channels);
                var best = 0;
                var bestScore = long.MaxValue;
                for (var f = 0; f < candidates.Length; f++)
                {
                    var score = Filter(f, current, previous, channels, candidates[f].AsSpan(1));
                    if (score < bestScore)
                    {
                        bestScore = score;
                        best = f;
                    }
                }

                zlib.Write(candidates[best]);
                (previous, current) = (current, previous);
            }
        }

        WriteChunk(output, "IDAT"u8, compressed.GetBuffer().AsSpan(0, (int)compressed.Length));
        WriteChunk(output, "IEND"u8, []);
        return output.ToArray();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CopyRow(ReadOnlySpan<byte> rgba, Span<byte> target, int channels)
    {
        if (channels == 4)
        {
            rgba.CopyTo(target);
            return;
        }

        for (int i = 0, j = 0; i < rgba.Length; i += 4, j += 3)
        {
            target[j] = rgba[i];
            target[j + 1] = rgba[i + 1];
            target[j + 2] = rgba[i + 2];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long Filter(int filter, ReadOnlySpan<byte> row, ReadOnlySpan<byte> above, int bpp, Span<byte> target)
    {
        var n = row.Length;
        switch (filter)
        {
            case 0:
                row.CopyTo(target);
                break;
            case 1:
                row[..bpp].CopyTo(target);
                for (var i = bpp; i < n; i++)
                {
                    target[i] = (byte)(row[i] - row[i - bpp]);
                }

                break;
            case 2:
                for (var i = 0; i < n; i++)
                {
                    target[i] = (byte)(row[i] - above[i]);
                }

                break;
            case 3:
                for (var i = 0; i < bpp; i++)
                {
                    target[i] = (byte)(row[i] - (above[i] >> 1));
                }

                for (var i = bpp; i < n; i++)
                {
                    target[i] = (byte)(row[i] - ((row[i - bpp] + above[i]) >> 1));
                }

                break;
            default:
                for (var i = 0; i < bpp; i++)
                {
                    target[i] = (byte)(row[i] - above[i]);
                }

                for (var i = bpp; i < n; i++)
                {
                    target[i] = (byte)(row[i] - Paeth(row[i - bpp], above[i], above[i - bpp]));
                }

                break;
        }

        return Score(target[..n]);
    }

    /// <summary>Sum of the bytes read as signed values: small when the filter predicted well.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long Score(ReadOnlySpan<byte> filtered)
    {
        long score = 0;
        foreach (var value in filtered)
        {
            score += value < 128 ? value : 256 - value;
        }

        return score;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, (uint)data.Length);
        output.Write(word);
        output.Write(type);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Compute(type, data));
        output.Write(word);
    }
}
