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

        error.Message.ShouldNotBeNullOrWhiteSpace();
        Console.WriteLine($"{error.Code}: {error.Message}");
    }

    [Fact]
    public void Decode_PngWithASecondLargerIhdr_IsRefused()
    {
        var file = HostileImages.PngWithSecondIhdr(1, 8000);
        MediaSniffer.Sniff(file).ShouldNotBeNull().Pixels.ShouldBe(1);

        var error = Should.Throw<ProviderException>(() => CreateSut().Decode(file, CancellationToken.None));

        Console.WriteLine($"{file.Length} {error.Code}: {error.Message}");
    }

    private static ImageLoader CreateSut() => new(new LocalProviderOptions { MaxPixels = 16L * 1024 * 1024 });
}
