namespace ChatBot.Core.Media;

/// <summary>
/// Identifies media by magic bytes (never by file name or declared type) and reads image
/// dimensions from headers, so a decompression bomb is refused before it is decoded.
/// </summary>
public static class MediaSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> wants to see (JPEG headers can sit behind large EXIF blocks).</summary>
    public const int HeaderBytes = 256 * 1024;

    // Spelled as bytes: in a u8 string literal "\x89" would be encoded as the two UTF-8 bytes C2 89.
    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static MediaKind KindOf(string contentType) => contentType switch
    {
        _ when contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) => MediaKind.Image,
        _ when contentType.StartsWith("video/", StringComparison.OrdinalIgnoreCase) => MediaKind.Video,
        _ when contentType.StartsWith("audio/", StringComparison.OrdinalIgnoreCase) => MediaKind.Audio,
        _ => MediaKind.Unknown,
    };

    public static SniffResult? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(PngMagic))
        {
            return Png(head);
        }

        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return Jpeg(head);
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return head.Length >= 10
                ? new SniffResult("image/gif", "gif", MediaKind.Image, BinaryPrimitives.ReadUInt16LittleEndian(head[6..]), BinaryPrimitives.ReadUInt16LittleEndian(head[8..]))
                : new SniffResult("image/gif", "gif", MediaKind.Image);
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8))
        {
            var form = head.Slice(8, 4);
            if (form.SequenceEqual("WEBP"u8))
            {
                return WebP(head);
            }

            if (form.SequenceEqual("WAVE"u8))
            {
                return new SniffResult("audio/wav", "wav", MediaKind.Audio);
            }
        }

        if (head.Length >= 12 && head.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            var brand = head.Slice(8, 4);
            if (brand.SequenceEqual("M4A "u8) || brand.SequenceEqual("M4B "u8))
            {
                return new SniffResult("audio/mp4", "m4a", MediaKind.Audio);
            }

            return brand.SequenceEqual("qt  "u8)
                ? new SniffResult("video/quicktime", "mov", MediaKind.Video)
                : new SniffResult("video/mp4", "mp4", MediaKind.Video);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]))
        {
            return new SniffResult("video/webm", "webm", MediaKind.Video);
        }

        if (head.StartsWith("ID3"u8) || (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0 && (head[1] & 0x06) != 0))
        {
            return new SniffResult("audio/mpeg", "mp3", MediaKind.Audio);
        }

        if (head.StartsWith("OggS"u8))
        {
            return new SniffResult("audio/ogg", "ogg", MediaKind.Audio);
        }

        if (head.StartsWith("fLaC"u8))
        {
            return new SniffResult("audio/flac", "flac", MediaKind.Audio);
        }

        return null;
    }

    private static SniffResult Png(ReadOnlySpan<byte> head)
    {
        // The IHDR chunk always comes first: width and height are big-endian at offsets 16 and 20.
        if (head.Length >= 24 && head.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            return new SniffResult("image/png", "png", MediaKind.Image, (int)BinaryPrimitives.ReadUInt32BigEndian(head[16..]), (int)BinaryPrimitives.ReadUInt32BigEndian(head[20..]));
        }

        return new SniffResult("image/png", "png", MediaKind.Image);
    }

    private static SniffResult Jpeg(ReadOnlySpan<byte> head)
    {
        var i = 2;
        while (i + 9 < head.Length)
        {
            if (head[i] != 0xFF)
            {
                i++;
                continue;
            }

            var marker = head[i + 1];
            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7) or 0xFF)
            {
                i += marker == 0xFF ? 1 : 2;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(head[(i + 2)..]);
            var isStartOfFrame = marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            if (isStartOfFrame)
            {
                var height = BinaryPrimitives.ReadUInt16BigEndian(head[(i + 5)..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(head[(i + 7)..]);
                return new SniffResult("image/jpeg", "jpg", MediaKind.Image, width, height);
            }

            i += 2 + length;
        }

        return new SniffResult("image/jpeg", "jpg", MediaKind.Image);
    }

    private static SniffResult WebP(ReadOnlySpan<byte> head)
    {
        const string type = "image/webp";
        if (head.Length < 30)
        {
            return new SniffResult(type, "webp", MediaKind.Image);
        }

        var chunk = head.Slice(12, 4);
        if (chunk.SequenceEqual("VP8X"u8))
        {
            var width = 1 + (head[24] | (head[25] << 8) | (head[26] << 16));
            var height = 1 + (head[27] | (head[28] << 8) | (head[29] << 16));
            return new SniffResult(type, "webp", MediaKind.Image, width, height);
        }

        if (chunk.SequenceEqual("VP8 "u8))
        {
            var width = BinaryPrimitives.ReadUInt16LittleEndian(head[26..]) & 0x3FFF;
            var height = BinaryPrimitives.ReadUInt16LittleEndian(head[28..]) & 0x3FFF;
            return new SniffResult(type, "webp", MediaKind.Image, width, height);
        }

        if (chunk.SequenceEqual("VP8L"u8) && head[20] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(head[21..]);
            var width = (int)(bits & 0x3FFF) + 1;
            var height = (int)((bits >> 14) & 0x3FFF) + 1;
            return new SniffResult(type, "webp", MediaKind.Image, width, height);
        }

        return new SniffResult(type, "webp", MediaKind.Image);
    }
}
