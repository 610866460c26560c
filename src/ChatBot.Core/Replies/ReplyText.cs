using System.Globalization;
using ChatBot.Core.Catalog;
using ChatBot.Core.Model;

namespace ChatBot.Core.Replies;

/// <summary>The wording every reply shares: a job's title, model labels, places in line, progress and durations.</summary>
internal static class ReplyText
{
    public static string Title(JobSpec spec)
    {
        var icon = spec.Kind switch
        {
            CommandKind.Imagine or CommandKind.Reroll => "🎨",
            CommandKind.Video or CommandKind.Animate => "🎬",
            CommandKind.Upscale => "🔍",
            CommandKind.Vary => "🔀",
            CommandKind.RemoveBackground => "✂️",
            _ => "✏️",
        };
        var verb = spec.Kind switch
        {
            CommandKind.Upscale => "Upscale",
            CommandKind.Vary => "Variation",
            CommandKind.RemoveBackground => "Remove background",
            CommandKind.Animate => "Animate",
            CommandKind.Reroll => "Re-roll",
            _ => null,
        };
        var prompt = spec.Options.Prompt is { Length: > 0 } p ? Truncate(p, 120) : null;
        return (verb, prompt) switch
        {
            (null, null) => $"{icon} {spec.Kind}",
            (null, _) => $"{icon} {prompt}",
            (_, null) => $"{icon} {verb}",
            _ => $"{icon} {verb}: {prompt}",
        };
    }

    public static string ModelLabel(ModelDefinition? model, string providerDisplayName) =>
        model is null ? providerDisplayName : $"{(model.DisplayName.Length > 0 ? model.DisplayName : model.Id)} · {providerDisplayName}";

    public static string Ordinal(int n) => (n % 100) switch
    {
        11 or 12 or 13 => $"{n}th",
        _ => (n % 10) switch
        {
            1 => $"{n}st",
            2 => $"{n}nd",
            3 => $"{n}rd",
            _ => $"{n}th",
        },
    };

    public static string QueuedText(int position, int length) =>
        position <= 1 ? "Queued — next in line" : $"Queued — {Ordinal(position)} in line ({length} waiting)";

    public static string RunningText(double? percent, string? message) =>
        (percent, message) switch
        {
            ({ } p, { Length: > 0 } m) => string.Create(CultureInfo.InvariantCulture, $"{m} — {p:0}%"),
            ({ } p, _) => string.Create(CultureInfo.InvariantCulture, $"Working — {p:0}%"),
            (_, { Length: > 0 } m) => m,
            _ => "Working…",
        };

    public static string Duration(TimeSpan t) => t.TotalSeconds switch
    {
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, t.TotalSeconds):0}s"),
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalMinutes}m {t.Seconds:00}s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}h {t.Minutes:00}m"),
    };

    /// <summary>A status line with the routing or fallback note under it, when there is one.</summary>
    public static string WithNote(string text, string? note) => note is null ? text : $"{text}\n{note}";

    private static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
