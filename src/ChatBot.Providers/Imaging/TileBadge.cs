using SkiaSharp;

namespace ChatBot.Providers.Imaging;

/// <summary>The number badge in a grid tile's top-left corner: a dark disc with a white seven-segment digit.</summary>
internal static class TileBadge
{
    // Segments a (top), b (top right), c (bottom right), d (bottom), e (bottom left), f (top left), g (middle).
    private static readonly string[] Digits = ["abcdef", "bc", "abged", "abgcd", "fgbc", "afgcd", "afgedc", "abc", "abcdefg", "abcdfg"];

    public static void Draw(SKCanvas canvas, SKRect cell, int number)
    {
        var radius = Math.Max(14f, Math.Min(cell.Width, cell.Height) * 0.065f);
        var center = new SKPoint(cell.Left + (radius * 1.35f), cell.Top + (radius * 1.35f));
        using var disc = new SKPaint { IsAntialias = true, Color = new SKColor(0, 0, 0, 190), Style = SKPaintStyle.Fill };
        canvas.DrawCircle(center, radius, disc);
        using var ring = new SKPaint { IsAntialias = true, Color = SKColors.White, Style = SKPaintStyle.Stroke, StrokeWidth = radius * 0.09f };
        canvas.DrawCircle(center, radius, ring);

        var (w, h) = (radius * 0.62f, radius * 1.1f);
        var (left, top) = (center.X - (w / 2), center.Y - (h / 2));
        var (right, bottom, middle) = (left + w, top + h, top + (h / 2));
        using var stroke = new SKPaint
        {
            IsAntialias = true,
            Color = SKColors.White,
            Style = SKPaintStyle.Stroke,
            StrokeWidth = radius * 0.2f,
            StrokeCap = SKStrokeCap.Round,
        };
        foreach (var segment in Digits[number % 10])
        {
            var (from, to) = segment switch
            {
                'a' => (new SKPoint(left, top), new SKPoint(right, top)),
                'b' => (new SKPoint(right, top), new SKPoint(right, middle)),
                'c' => (new SKPoint(right, middle), new SKPoint(right, bottom)),
                'd' => (new SKPoint(left, bottom), new SKPoint(right, bottom)),
                'e' => (new SKPoint(left, middle), new SKPoint(left, bottom)),
                'f' => (new SKPoint(left, top), new SKPoint(left, middle)),
                _ => (new SKPoint(left, middle), new SKPoint(right, middle)),
            };
            canvas.DrawLine(from, to, stroke);
        }
    }
}
