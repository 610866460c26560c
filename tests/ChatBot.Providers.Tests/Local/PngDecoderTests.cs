using ChatBot.Providers.Local;

namespace ChatBot.Providers.Tests.Local;

public sealed class PngDecoderTests
{
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
    public void TryDecode_PngFromFfmpeg_MatchesFfmpegsOwnDecoding(string pixelFormat, string prediction)
    {
        var png = TestImages.FfmpegPng(pixelFormat, prediction);

        var image = PngDecoder.TryDecode(png, long.MaxValue);

        image.ShouldNotBeNull();
        (image.Width, image.Height).ShouldBe((67, 43));
        image.Pixels.ShouldBe(TestImages.FfmpegRgba(png));
    }

    [Theory]
    [InlineData("rgb48be")]
    [InlineData("gray16be")]
    [InlineData("monob")]
    public void TryDecode_SixteenBitOrOneBit_LeavesItToFfmpeg(string pixelFormat)
    {
        var png = TestImages.FfmpegPng(pixelFormat);

        PngDecoder.TryDecode(png, long.MaxValue).ShouldBeNull();
    }

    [Fact]
    public void TryDecode_Interlaced_LeavesItToFfmpeg()
    {
        PngDecoder.TryDecode(TestImages.InterlacedPng(), long.MaxValue).ShouldBeNull();
    }

    [Fact]
    public void TryDecode_DamagedChecksum_ThrowsInvalidData()
    {
        var png = PngEncoder.Encode(TestImages.Gradient(16, 16, alpha: false));
        png[20] ^= 0x01;

        Should.Throw<InvalidDataException>(() => PngDecoder.TryDecode(png, long.MaxValue));
    }

    [Fact]
    public void TryDecode_CutShort_ThrowsInvalidData()
    {
        var png = PngEncoder.Encode(TestImages.Gradient(64, 64, alpha: false));

        Should.Throw<InvalidDataException>(() => PngDecoder.TryDecode(png.AsSpan(0, png.Length / 2), long.MaxValue));
    }

    [Fact]
    public void TryDecode_MorePixelsThanAllowed_ThrowsInvalidData()
    {
        var png = PngEncoder.Encode(TestImages.Gradient(64, 64, alpha: false));

        Should.Throw<InvalidDataException>(() => PngDecoder.TryDecode(png, 1000));
    }
}
