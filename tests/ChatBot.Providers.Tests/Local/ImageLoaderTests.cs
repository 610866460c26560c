using ChatBot.Core.Providers;
using ChatBot.Providers.Local;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBot.Providers.Tests.Local;

public sealed class ImageLoaderTests
{
    [Theory]
    [InlineData("mjpeg")]
    [InlineData("gif")]
    [InlineData("libwebp")]
    public async Task DecodeAsync_OtherFormats_AreDecodedThroughFfmpeg(string codec)
    {
        var file = TestImages.FfmpegImage(codec, 75, 41);

        var image = await CreateSut().DecodeAsync(file, CancellationToken.None);

        (image.Width, image.Height).ShouldBe((75, 41));
        image.Pixels.ShouldBe(TestImages.FfmpegRgba(file));
    }

    [Fact]
    public async Task DecodeAsync_InterlacedPng_IsDecodedThroughFfmpeg()
    {
        var image = await CreateSut().DecodeAsync(TestImages.InterlacedPng(), CancellationToken.None);

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
    public async Task DecodeAsync_PlainPng_NeedsNoFfmpeg()
    {
        var png = PngEncoder.Encode(TestImages.Gradient(20, 10, alpha: true));

        var image = await CreateSut("/nonexistent/ffmpeg").DecodeAsync(png, CancellationToken.None);

        (image.Width, image.Height).ShouldBe((20, 10));
    }

    [Fact]
    public async Task DecodeAsync_WebPWithoutFfmpeg_ThrowsClearProviderException()
    {
        var file = TestImages.FfmpegImage("libwebp", 30, 20);

        var error = await Should.ThrowAsync<ProviderException>(() => CreateSut("/nonexistent/ffmpeg").DecodeAsync(file, CancellationToken.None));

        error.Code.ShouldBe("ffmpeg_missing");
        error.Message.ShouldBe("Reading WEBP images needs ffmpeg, which is not installed on the bot's machine.");
    }

    [Fact]
    public async Task DecodeAsync_DamagedPng_ThrowsClearProviderException()
    {
        var png = PngEncoder.Encode(TestImages.Gradient(20, 10, alpha: false));
        png[^20] ^= 0xFF;

        var error = await Should.ThrowAsync<ProviderException>(() => CreateSut().DecodeAsync(png, CancellationToken.None));

        error.Code.ShouldBe("unreadable_image");
    }

    [Fact]
    public async Task DecodeAsync_TooManyPixels_ThrowsBeforeDecoding()
    {
        var png = PngEncoder.Encode(TestImages.Gradient(120, 100, alpha: false));

        var error = await Should.ThrowAsync<ProviderException>(() => CreateSut(maxPixels: 10_000).DecodeAsync(png, CancellationToken.None));

        error.Code.ShouldBe("image_too_large");
    }

    private static ImageLoader CreateSut(string ffmpegPath = "ffmpeg", long maxPixels = 64L * 1024 * 1024)
    {
        var options = new LocalProviderOptions { FfmpegPath = ffmpegPath, MaxPixels = maxPixels };
        return new ImageLoader(new Ffmpeg(options, TimeProvider.System, NullLogger.Instance), options);
    }
}
