using ChatBot.Core.Media;
using ChatBot.Providers.Local.Imaging;

namespace ChatBot.Providers.Tests.Local.Imaging;

public sealed class ImageCodecTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EncodePng_ThenDecode_GivesTheSamePixels(bool alpha)
    {
        var image = TestImages.Gradient(97, 61, alpha);

        var png = ImageCodec.EncodePng(image);
        var decoded = ImageCodec.Decode(png, long.MaxValue);

        decoded.Width.ShouldBe(97);
        decoded.Height.ShouldBe(61);
        decoded.Pixels.ShouldBe(image.Pixels);
    }

    [Fact]
    public void EncodePng_SamePicture_GivesTheSameBytes()
    {
        var image = TestImages.Gradient(64, 48, alpha: true);

        ImageCodec.EncodePng(image).ShouldBe(ImageCodec.EncodePng(TestImages.Gradient(64, 48, alpha: true)));
    }

    [Fact]
    public void EncodePng_OpaqueImage_WritesRgbWithHeaderTheSnifferReads()
    {
        var png = ImageCodec.EncodePng(TestImages.Gradient(320, 200, alpha: false));

        var sniff = MediaSniffer.Sniff(png);
        sniff.ShouldNotBeNull();
        sniff.ContentType.ShouldBe("image/png");
        (sniff.Width, sniff.Height).ShouldBe((320, 200));
        png[25].ShouldBe((byte)2, "colour type RGB");
    }

    [Fact]
    public void EncodePng_TransparentImage_WritesRgba()
    {
        var png = ImageCodec.EncodePng(TestImages.Gradient(10, 10, alpha: true));

        png[25].ShouldBe((byte)6, "colour type RGBA");
    }

    [Fact]
    public void EncodePng_Output_IsReadByFfmpegWithTheSamePixels()
    {
        var image = TestImages.Gradient(53, 29, alpha: true);

        var pixels = TestImages.FfmpegRgba(ImageCodec.EncodePng(image));

        pixels.ShouldBe(image.Pixels);
    }

    [Theory]
    [InlineData("rgb24", "mixed")]
    [InlineData("rgba", "mixed")]
    [InlineData("gray", "mixed")]
    [InlineData("ya8", "mixed")]
    [InlineData("pal8", "none")]
    [InlineData("rgb24", "none")]
    [InlineData("rgb24", "sub")]
    [InlineData("rgb24", "up")]
    [InlineData("rgb24", "avg")]
    [InlineData("rgb24", "paeth")]
    [InlineData("rgba", "paeth")]
    public void Decode_PngFromFfmpeg_MatchesFfmpegsOwnDecoding(string pixelFormat, string prediction)
    {
        var png = TestImages.FfmpegPng(pixelFormat, prediction);

        var image = ImageCodec.Decode(png, long.MaxValue);

        (image.Width, image.Height).ShouldBe((67, 43));
        image.Pixels.ShouldBe(TestImages.FfmpegRgba(png));
    }

    [Theory]
    [InlineData("rgb48be")]
    [InlineData("gray16be")]
    [InlineData("monob")]
    public void Decode_SixteenBitOrOneBit_GivesEightBitPixelsLikeFfmpeg(string pixelFormat)
    {
        var png = TestImages.FfmpegPng(pixelFormat);

        var image = ImageCodec.Decode(png, long.MaxValue);

        (image.Width, image.Height).ShouldBe((67, 43));
        TestImages.MaxDifference(image.Pixels, TestImages.FfmpegRgba(png)).ShouldBeLessThanOrEqualTo(1);
    }

    [Fact]
    public void Decode_Interlaced_GivesThePixels()
    {
        var image = ImageCodec.Decode(TestImages.InterlacedPng(), long.MaxValue);

        (image.Width, image.Height).ShouldBe((7, 5));
        for (var y = 0; y < 5; y++)
        {
            for (var x = 0; x < 7; x++)
            {
                image.Pixels.AsSpan((y * 7 + x) * 4, 4).ToArray().ShouldBe(TestImages.InterlacedPixel(x, y));
            }
        }
    }

    [Fact]
    public void Decode_DamagedChecksum_ThrowsInvalidData()
    {
        var png = ImageCodec.EncodePng(TestImages.Gradient(16, 16, alpha: false));
        png[20] ^= 0x01;

        Should.Throw<InvalidDataException>(() => ImageCodec.Decode(png, long.MaxValue));
    }

    [Fact]
    public void Decode_CutShort_ThrowsInvalidData()
    {
        var png = ImageCodec.EncodePng(TestImages.Gradient(64, 64, alpha: false));

        Should.Throw<InvalidDataException>(() => ImageCodec.Decode(png.AsSpan(0, png.Length / 2).ToArray(), long.MaxValue));
    }

    [Fact]
    public void Decode_MorePixelsThanAllowed_ThrowsInvalidData()
    {
        var png = ImageCodec.EncodePng(TestImages.Gradient(64, 64, alpha: false));

        Should.Throw<InvalidDataException>(() => ImageCodec.Decode(png, 1000));
    }
}
