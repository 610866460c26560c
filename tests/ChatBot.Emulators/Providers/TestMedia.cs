using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ChatBot.Emulators.Providers;

/// <summary>Small but valid media files the provider emulators serve and tests upload.</summary>
public static class TestMedia
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>A real, decodable RGB PNG of the given size (a simple gradient).</summary>
    public static byte[] Png(int width = 8, int height = 8, byte seed = 0)
    {
        using var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0); // filter: none
            for (var x = 0; x < width; x++)
            {
                raw.WriteByte((byte)(x * 255 / Math.Max(1, width - 1)));
                raw.WriteByte((byte)(y * 255 / Math.Max(1, height - 1)));
                raw.WriteByte(seed);
            }
        }

        return Encode(raw, width, height, colourType: 2);
    }

    private static byte[] Encode(MemoryStream raw, int width, int height, byte colourType)
    {
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            raw.Position = 0;
            raw.CopyTo(z);
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), (uint)height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = colourType; // 2 = RGB, 6 = RGBA
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>
    /// A real RGBA PNG mask in the bot's convention: the left half transparent (to be edited), the right half opaque.
    /// </summary>
    public static byte[] MaskPng(int width = 8, int height = 8)
    {
        using var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0);
            for (var x = 0; x < width; x++)
            {
                raw.Write([0, 0, 0, (byte)(x < width / 2 ? 0 : 255)]);
            }
        }

        return Encode(raw, width, height, colourType: 6);
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

    private static void Chunk(Stream stream, string type, byte[] data)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(buffer, (uint)data.Length);
        stream.Write(buffer);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        stream.Write(typeBytes);
        stream.Write(data);
        var crc = Crc(typeBytes, data);
        BinaryPrimitives.WriteUInt32BigEndian(buffer, crc);
        stream.Write(buffer);
    }

    private static uint Crc(byte[] type, byte[] data)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in type.Concat(data))
        {
            c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        }

        return c ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
