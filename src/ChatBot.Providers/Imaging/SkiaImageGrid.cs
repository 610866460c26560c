using ChatBot.Core.Media;
using SkiaSharp;

namespace ChatBot.Providers.Imaging;

/// <summary>
/// The result grid with SkiaSharp: each image scaled to fit its cell (letterboxed, never cropped, so every tile shows the
/// whole picture) and a numbered badge in its corner. The digits are drawn as strokes, not text, so the grid looks the
/// same on a machine without fonts.
/// </summary>
internal sealed class SkiaImageGrid : IImageGrid
{
    /// <summary>The longest side of one cell: a 2×2 grid stays under 2 MP, well inside every platform's upload limit.</summary>
    private const int Cell = 640;
    private const int Gap = 8;
    private const long MaxInputBytes = 40L * 1024 * 1024;

    public async Task<byte[]?> ComposeAsync(IReadOnlyList<Func<CancellationToken, Task<Stream>>> images, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(images);
        var decoded = new List<SKBitmap?>(images.Count);
        try
        {
            foreach (var open in images.Take(GridLayout.MaxTiles))
            {
                decoded.Add(await DecodeAsync(open, cancellationToken).ConfigureAwait(false));
            }

            return decoded.Count(b => b is not null) < 2 ? null : Draw(decoded);
        }
        finally
        {
            foreach (var bitmap in decoded)
            {
                bitmap?.Dispose();
            }
        }
    }

    private static byte[] Draw(IReadOnlyList<SKBitmap?> tiles)
    {
        var layout = GridLayout.For(tiles.Count);
        var first = tiles.First(t => t is not null)!;
        var (cellW, cellH) = CellSize(first.Width, first.Height);
        var width = (layout.Columns * cellW) + ((layout.Columns + 1) * Gap);
        var height = (layout.Rows * cellH) + ((layout.Rows + 1) * Gap);
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(new SKColor(0x1E, 0x1F, 0x22));
        using var paint = new SKPaint { IsAntialias = true };
        for (var i = 0; i < tiles.Count; i++)
        {
            var (column, row) = (i % layout.Columns, i / layout.Columns);
            var cell = SKRect.Create(Gap + (column * (cellW + Gap)), Gap + (row * (cellH + Gap)), cellW, cellH);
            if (tiles[i] is { } tile)
            {
                using var image = SKImage.FromBitmap(tile);
                canvas.DrawImage(image, Fit(tile.Width, tile.Height, cell), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), paint);
            }

            TileBadge.Draw(canvas, cell, i + 1);
        }

        using var snapshot = surface.Snapshot();
        using var png = snapshot.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>One cell keeps the first image's shape, its longest side <see cref="Cell"/> pixels.</summary>
    private static (int Width, int Height) CellSize(int width, int height) =>
        width >= height ? (Cell, Math.Max(1, (int)Math.Round(Cell * (double)height / width))) : (Math.Max(1, (int)Math.Round(Cell * (double)width / height)), Cell);

    private static SKRect Fit(int width, int height, SKRect cell)
    {
        var scale = Math.Min(cell.Width / width, cell.Height / height);
        var (w, h) = (width * scale, height * scale);
        return SKRect.Create(cell.Left + ((cell.Width - w) / 2), cell.Top + ((cell.Height - h) / 2), w, h);
    }

    /// <summary>A tile that cannot be read stays an empty numbered cell: the numbers still match the buttons.</summary>
    private static async Task<SKBitmap?> DecodeAsync(Func<CancellationToken, Task<Stream>> open, CancellationToken cancellationToken)
    {
        var stream = await open(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (buffer.Length > MaxInputBytes)
            {
                return null;
            }

            // Not a picture SkiaSharp reads: the tile stays empty (SKBitmap.Decode throws on an unknown format).
            using var data = SKData.CreateCopy(buffer.ToArray());
            using var codec = SKCodec.Create(data);
            return codec is null ? null : SKBitmap.Decode(codec);
        }
    }
}
