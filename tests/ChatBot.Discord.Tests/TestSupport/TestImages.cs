using System.Buffers.Binary;

namespace ChatBot.Discord.Tests.TestSupport;

public static class TestImages
{
    /// <summary>A PNG header (signature + IHDR) padded to <paramref name="size"/> bytes: enough for sniffing.</summary>
    public static byte[] Png(int width = 64, int height = 64, int size = 256)
    {
        var bytes = new byte[Math.Max(size, 33)];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8), 13);
        "IHDR"u8.CopyTo(bytes.AsSpan(12));
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(16), (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(20), (uint)height);
        return bytes;
    }
}
