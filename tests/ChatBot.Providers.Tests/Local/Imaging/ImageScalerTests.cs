using ChatBot.Providers.Local.Imaging;

namespace ChatBot.Providers.Tests.Local.Imaging;

public sealed class ImageScalerTests
{
    [Fact]
    public void Resize_Shrinking_AveragesInsteadOfSkipping()
    {
        // One-pixel stripes of black and white average to grey when shrunk 4×; point sampling would not.
        var stripes = new RgbaImage(64, 64);
        for (var i = 0; i < stripes.Pixels.Length; i += 4)
        {
            var x = i / 4 % 64;
            stripes.Pixels.AsSpan(i, 4).Fill(x % 2 == 0 ? (byte)0 : (byte)255);
            stripes.Pixels[i + 3] = 255;
        }

        var small = ImageScaler.Resize(stripes, 16, 16);

        for (var i = 0; i < small.Pixels.Length; i += 4)
        {
            ((int)small.Pixels[i]).ShouldBeInRange(90, 165);
        }
    }

    [Fact]
    public void Resize_TransparentNeighbour_DoesNotBleedItsColour()
    {
        // Left half opaque red, right half fully transparent green: the red edge must stay red.
        var image = new RgbaImage(8, 4);
        for (var y = 0; y < 4; y++)
        {
            for (var x = 0; x < 8; x++)
            {
                byte[] pixel = x < 4 ? [255, 0, 0, 255] : [0, 255, 0, 0];
                pixel.CopyTo(image.Pixels.AsSpan((y * 8 + x) * 4));
            }
        }

        var large = ImageScaler.Resize(image, 16, 8);

        for (var y = 0; y < 8; y++)
        {
            for (var x = 0; x < 16; x++)
            {
                var i = (y * 16 + x) * 4;
                if (large.Pixels[i + 3] > 128)
                {
                    ((int)large.Pixels[i + 1]).ShouldBeLessThan(10);
                }
            }
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void Resize_UpscaleByFactor_GivesThatSizeAndKeepsBlockCentres(int factor)
    {
        var image = TestImages.Blocks(32, 24);

        var large = ImageScaler.Resize(image, 32 * factor, 24 * factor);

        (large.Width, large.Height).ShouldBe((32 * factor, 24 * factor));
        var x = 12 * factor;
        var y = 4 * factor;
        large.Pixels.AsSpan((y * large.Width + x) * 4, 4).ToArray().ShouldBe(TestImages.BlockColour(1, 0));
    }

    [Fact]
    public void ProcessRows_InBands_GivesTheSamePixelsAsOneGo()
    {
        var image = TestImages.Gradient(40, 30, alpha: true);
        using var scaler = new ImageScaler(image, 80, 60);

        scaler.ProcessRows(0, 13, CancellationToken.None);
        scaler.ProcessRows(13, 41, CancellationToken.None);
        scaler.ProcessRows(41, 60, CancellationToken.None);

        scaler.ToImage().Pixels.ShouldBe(ImageScaler.Resize(image, 80, 60).Pixels);
    }

    [Fact]
    public void Resize_SameSize_CopiesThePixels()
    {
        var image = TestImages.Gradient(10, 7, alpha: true);

        var copy = ImageScaler.Resize(image, 10, 7);

        copy.Pixels.ShouldBe(image.Pixels);
        copy.Pixels.ShouldNotBeSameAs(image.Pixels);
    }
}
