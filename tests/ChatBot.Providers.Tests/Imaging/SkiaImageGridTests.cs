using ChatBot.Providers.Imaging;
using SkiaSharp;

namespace ChatBot.Providers.Tests.Imaging;

public sealed class SkiaImageGridTests
{
    [Theory]
    [InlineData(4, 2, 2)]
    [InlineData(6, 3, 2)]
    [InlineData(2, 2, 1)]
    public async Task ComposeAsync_SeveralImages_LaysThemOutInAGridOfNumberedTiles(int count, int columns, int rows)
    {
        var colours = new[] { SKColors.Red, SKColors.Lime, SKColors.Blue, SKColors.Yellow, SKColors.Cyan, SKColors.Magenta };
        var images = colours.Take(count).Select(c => Png(c, 200, 100)).ToList();

        var png = await CreateSut().ComposeAsync([.. images.Select(Open)], CancellationToken.None);

        using var grid = SKBitmap.Decode(png.ShouldNotBeNull());
        var (cellW, cellH) = ((grid.Width - ((columns + 1) * 8)) / columns, (grid.Height - ((rows + 1) * 8)) / rows);
        (cellW / (double)cellH).ShouldBe(2, 0.05, "each tile keeps the images' shape");
        for (var i = 0; i < count; i++)
        {
            var (column, row) = (i % columns, i / columns);

            // The tile's far corner shows its own image; its near corner carries the (white-ringed) number badge.
            var far = grid.GetPixel(8 + (column * (cellW + 8)) + cellW - 10, 8 + (row * (cellH + 8)) + cellH - 10);
            far.ShouldBe(colours[i], $"tile {i + 1} is image {i + 1}");
        }
    }

    [Fact]
    public async Task ComposeAsync_FewerThanTwoReadableImages_GivesNoGrid()
    {
        var png = await CreateSut().ComposeAsync([Open(Png(SKColors.Red, 10, 10)), Open([1, 2, 3])], CancellationToken.None);

        png.ShouldBeNull();
    }

    private static SkiaImageGrid CreateSut() => new();

    private static Func<CancellationToken, Task<Stream>> Open(byte[] bytes) => _ => Task.FromResult<Stream>(new MemoryStream(bytes));

    private static byte[] Png(SKColor colour, int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(colour);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
