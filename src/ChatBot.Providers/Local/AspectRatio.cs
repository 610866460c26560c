namespace ChatBot.Providers.Local;

/// <summary>Aspect ratios as members type them ("16:9") and the picture sizes they give.</summary>
internal static class AspectRatio
{
    /// <summary>Reads "16:9" (or "16x9", "16/9") into width ÷ height.</summary>
    public static bool TryParse(string? text, out double ratio)
    {
        ratio = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Trim().Split([':', 'x', 'X', '/'], StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var w)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var h)
            || w <= 0 || h <= 0 || w / h > 8 || h / w > 8)
        {
            return false;
        }

        ratio = w / h;
        return true;
    }

    /// <summary>The size of about <paramref name="pixels"/> pixels with this ratio, both sides multiples of <paramref name="multiple"/>.</summary>
    public static (int Width, int Height) Fit(double ratio, long pixels, int multiple)
    {
        var width = Math.Sqrt(pixels * ratio);
        var height = width / ratio;
        return (RoundTo(width, multiple), RoundTo(height, multiple));
    }

    public static int RoundTo(double value, int multiple) => Math.Max(multiple, (int)Math.Round(value / multiple) * multiple);

    /// <summary>"16:9" → "16x9", for file names.</summary>
    public static string Label(string text) => text.Trim().Replace(':', 'x').Replace('/', 'x');
}
