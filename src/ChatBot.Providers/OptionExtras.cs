namespace ChatBot.Providers;

/// <summary>Reads provider flags that came through <see cref="CommandOptions.Extra"/> (<c>--cfg 7 --sampler Euler</c>).</summary>
internal static class OptionExtras
{
    public static string? Text(this CommandOptions options, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (options.Extra.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                return value.Trim();
            }
        }

        return null;
    }

    public static double? Number(this CommandOptions options, params string[] keys) =>
        options.Text(keys) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;

    public static int? Integer(this CommandOptions options, params string[] keys) =>
        options.Text(keys) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    public static bool? Flag(this CommandOptions options, params string[] keys) => options.Text(keys)?.ToUpperInvariant() switch
    {
        null => null,
        "TRUE" or "YES" or "ON" or "1" => true,
        "FALSE" or "NO" or "OFF" or "0" => false,
        _ => null,
    };

    /// <summary>"16:9" → (16, 9); null when absent or not a ratio.</summary>
    public static (int Width, int Height)? Ratio(string? aspect)
    {
        if (aspect is null)
        {
            return null;
        }

        var parts = aspect.Split(':', 'x');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var w)
            && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var h)
            && w > 0 && h > 0
            ? (w, h)
            : null;
    }
}
