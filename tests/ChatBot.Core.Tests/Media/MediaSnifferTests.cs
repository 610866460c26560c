using System.Buffers.Binary;
using ChatBot.Core.Media;

namespace ChatBot.Core.Tests.Media;

public sealed class MediaSnifferTests
{
    [Fact]
    public void Sniff_Png_ReadsDimensionsFromHeader()
    {
        var result = MediaSniffer.Sniff(EngineFixture.TinyPng).ShouldNotBeNull();

        result.ContentType.ShouldBe("image/png");
        (result.Width, result.Height).ShouldBe((1, 1));
    }

    [Fact]
    public void Sniff_JpegWithLeadingSegments_FindsStartOfFrame()
    {
        var jpeg = new List<byte> { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10 };
        jpeg.AddRange(new byte[14]); // APP0 body (length 16 includes its own two bytes)
        jpeg.AddRange([0xFF, 0xC0, 0x00, 0x11, 0x08, 0x02, 0x58, 0x03, 0x20]); // SOF0 600 high, 800 wide
        jpeg.AddRange(new byte[20]);

        var result = MediaSniffer.Sniff(jpeg.ToArray()).ShouldNotBeNull();

        result.ContentType.ShouldBe("image/jpeg");
        (result.Width, result.Height).ShouldBe((800, 600));
    }

    [Fact]
    public void Sniff_Gif_ReadsLogicalScreenSize()
    {
        var gif = "GIF89a"u8.ToArray().Concat(new byte[] { 0x40, 0x01, 0xF0, 0x00, 0, 0, 0 }).ToArray();

        var result = MediaSniffer.Sniff(gif).ShouldNotBeNull();

        (result.Width, result.Height).ShouldBe((320, 240));
    }

    [Fact]
    public void Sniff_WebPExtended_ReadsCanvasSize()
    {
        var webp = new byte[30];
        "RIFF"u8.CopyTo(webp);
        "WEBPVP8X"u8.CopyTo(webp.AsSpan(8));
        WriteUInt24(webp.AsSpan(24), 1919);
        WriteUInt24(webp.AsSpan(27), 1079);

        var result = MediaSniffer.Sniff(webp).ShouldNotBeNull();

        result.ContentType.ShouldBe("image/webp");
        (result.Width, result.Height).ShouldBe((1920, 1080));
    }

    [Fact]
    public void Sniff_Mp4_IsVideo()
    {
        var mp4 = new byte[16];
        BinaryPrimitives.WriteUInt32BigEndian(mp4, 24);
        "ftypisom"u8.CopyTo(mp4.AsSpan(4));

        MediaSniffer.Sniff(mp4).ShouldNotBeNull().Kind.ShouldBe(MediaKind.Video);
    }

    [Theory]
    [InlineData("%PDF-1.7 hello")]
    [InlineData("<html><body>not an image</body></html>")]
    [InlineData("MZ\u0090\u0000 executable")]
    public void Sniff_NotMedia_ReturnsNull(string content) =>
        MediaSniffer.Sniff(System.Text.Encoding.UTF8.GetBytes(content)).ShouldBeNull();

    private static void WriteUInt24(Span<byte> target, int value)
    {
        target[0] = (byte)value;
        target[1] = (byte)(value >> 8);
        target[2] = (byte)(value >> 16);
    }
}
