using ChatBot.Core.Media;
using ChatBot.Providers.Local;

namespace ChatBot.Providers.Tests.Local;

public sealed class PngEncoderTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Encode_ThenDecode_GivesTheSamePixels(bool alpha)
    {
        var image = TestImages.Gradient(97, 61, alpha);

        var png = PngEncoder.Encode(image);
        var decoded = PngDecoder.TryDecode(png, long.MaxValue);

        decoded.ShouldNotBeNull();
        decoded.Width.ShouldBe(97);
        decoded.Height.ShouldBe(61);
        decoded.Pixels.ShouldBe(image.Pixels);
    }

    [Fact]
    public void Encode_OpaqueImage_WritesRgbWithHeaderTheSnifferReads()
    {
        var png = PngEncoder.Encode(TestImages.Gradient(320, 200, alpha: false));

        var sniff = MediaSniffer.Sniff(png);
        sniff.ShouldNotBeNull();
        sniff.ContentType.ShouldBe("image/png");
        (sniff.Width, sniff.Height).ShouldBe((320, 200));
        png[25].ShouldBe((byte)2, "colour type RGB");
    }

    [Fact]
    public void Encode_TransparentImage_WritesRgba()
    {
        var png = PngEncoder.Encode(TestImages.Gradient(10, 10, alpha: true));

        png[25].ShouldBe((byte)6, "colour type RGBA");
    }

    [Fact]
    public void Encode_Output_IsReadByFfmpegWithTheSamePixels()
    {
        var image = TestImages.Gradient(53, 29, alpha: true);

        var pixels = TestImages.FfmpegRgba(PngEncoder.Encode(image));

        pixels.ShouldBe(image.Pixels);
    }
}
