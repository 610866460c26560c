using ChatBot.Core.Providers;
using ChatBot.Providers.Local;
using ChatBot.Providers.Local.Imaging;

namespace ChatBot.Providers.Tests.Local.Imaging;

public sealed class ImageLoaderTests
{
    [Theory]
    [InlineData("gif")]
    [InlineData("libwebp", "-lossless", "1")]
    public void Decode_LosslessFormats_GiveThePixelsFfmpegSees(string codec, params string[] extra)
    {
        var file = TestImages.FfmpegImage(codec, 75, 41, extra);

        var image = CreateSut().Decode(file, CancellationToken.None);

        (image.Width, image.Height).ShouldBe((75, 41));
        image.Pixels.ShouldBe(TestImages.FfmpegRgba(file));
    }

    [Theory]
    [InlineData("mjpeg", 3.0)]
    [InlineData("libwebp", 12.0)]
    public void Decode_LossyFormats_GiveAboutThePixelsFfmpegSees(string codec, double meanTolerance)
    {
        // JPEG and lossy WebP leave chroma upsampling to the decoder: SkiaSharp (libjpeg-turbo, libwebp) and
        // ffmpeg differ by a few levels, most at the test pattern's hard colour edges.
        var file = TestImages.FfmpegImage(codec, 75, 41);

        var image = CreateSut().Decode(file, CancellationToken.None);

        (image.Width, image.Height).ShouldBe((75, 41));
        TestImages.MeanDifference(image.Pixels, TestImages.FfmpegRgba(file)).ShouldBeLessThan(meanTolerance);
    }

    [Fact]
    public void Decode_InterlacedPng_GivesThePixels()
    {
        var image = CreateSut().Decode(TestImages.InterlacedPng(), CancellationToken.None);

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
    public void Decode_PlainPng_GivesItsSize()
    {
        var png = ImageCodec.EncodePng(TestImages.Gradient(20, 10, alpha: true));

        var image = CreateSut().Decode(png, CancellationToken.None);

        (image.Width, image.Height).ShouldBe((20, 10));
    }

    [Fact]
    public void Decode_WebP_NeedsNoFfmpeg()
    {
        // Only video needs ffmpeg now: the loader has no ffmpeg path at all.
        var file = TestImages.FfmpegImage("libwebp", 30, 20);

        var image = CreateSut().Decode(file, CancellationToken.None);

        (image.Width, image.Height).ShouldBe((30, 20));
    }

    [Fact]
    public void Decode_DamagedPng_ThrowsClearProviderException()
    {
        var png = ImageCodec.EncodePng(TestImages.Gradient(20, 10, alpha: false));
        png[^20] ^= 0xFF;

        var error = Should.Throw<ProviderException>(() => CreateSut().Decode(png, CancellationToken.None));

        error.Code.ShouldBe("unreadable_image");
    }

    [Fact]
    public void Decode_TooManyPixels_ThrowsBeforeDecoding()
    {
        var png = ImageCodec.EncodePng(TestImages.Gradient(120, 100, alpha: false));

        var error = Should.Throw<ProviderException>(() => CreateSut(maxPixels: 10_000).Decode(png, CancellationToken.None));

        error.Code.ShouldBe("image_too_large");
    }

    private static ImageLoader CreateSut(long maxPixels = 64L * 1024 * 1024) =>
        new(new LocalProviderOptions { MaxPixels = maxPixels });
}
