namespace ChatBot.Core.Replies;

/// <summary>The one way every surface writes a duration ("42s", "2m 05s", "21h 10m") and an age ("2 h ago").</summary>
public static class DurationText
{
    public static string Format(TimeSpan t) => t.TotalSeconds switch
    {
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, t.TotalSeconds):0}s"),
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalMinutes}m {t.Seconds:00}s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}h {t.Minutes:00}m"),
    };

    /// <summary>How long ago, rounded the way people say it: "just now", "5 min ago", "2 h ago", "3 days ago".</summary>
    public static string Ago(TimeSpan t) => t.TotalSeconds switch
    {
        < 60 => "just now",
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalMinutes} min ago"),
        < 86_400 => string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours} h ago"),
        < 172_800 => "yesterday",
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalDays} days ago"),
    };
}
