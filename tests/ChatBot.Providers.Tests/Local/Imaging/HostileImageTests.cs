using ChatBot.Providers.Local;
using ChatBot.Providers.Local.Imaging;

namespace ChatBot.Providers.Tests.Local.Imaging;

/// <summary>Issue 13 points 4 and 5: a header that claims a small picture around a large one.</summary>
public sealed class HostileImageTests
{
    [Fact]
    public void Decode_WebPWhoseCanvasClaimsOnePixel_IsRefusedWithoutDecodingTheFrame()
    {
        var file = HostileImages.WebPClaimingOnePixel(2000);
        MediaSniffer.Sniff(file).ShouldNotBeNull().Pixels.ShouldBe(1);

        var error = Should.Throw<ProviderException>(() => CreateSut().Decode(file, CancellationToken.None));

        error.Code.ShouldBe("unreadable_image");
        error.Message.ShouldStartWith("The WEBP image could not be read");
    }

    [Fact]
    public void Decode_PngWithASecondLargerIhdr_IsRefused()
    {
        var file = HostileImages.PngWithSecondIhdr(1, 8000);
        MediaSniffer.Sniff(file).ShouldNotBeNull().Pixels.ShouldBe(1);

        var error = Should.Throw<ProviderException>(() => CreateSut().Decode(file, CancellationToken.None));

        error.Code.ShouldBe("unreadable_image");
        file.Length.ShouldBeLessThan(200_000, "about the 182 KB of the issue's file");
    }

    [Fact]
    public void Decode_DecoderSeesAnotherSizeThanTheHeaderSaid_IsRefusedBeforeDecoding()
    {
        var png = ImageCodec.EncodePng(TestImages.Gradient(40, 30, alpha: false));

        var error = Should.Throw<InvalidDataException>(() => ImageCodec.Decode(png, long.MaxValue, sniffed: (1, 1)));

        error.Message.ShouldBe("its header says 1×1 but the picture inside is 40×30");
    }

    private static ImageLoader CreateSut() => new(new LocalProviderOptions { MaxPixels = 16L * 1024 * 1024 });
}
