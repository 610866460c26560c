using ChatBot.Core.Catalog;

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

    /// <summary>A waiting job's place in line (said here only: the surfaces do not repeat it).</summary>
    public static string QueuedText(int position, int length) =>
        position <= 1 ? "Queued — next in line" : $"Queued — {Ordinal(position)} in line ({length} waiting)";

    /// <summary>What the provider says it is doing; the percentage is not repeated here, every surface draws it as a bar.</summary>
    public static string RunningText(double? percent, string? message) =>
        message is { Length: > 0 } m ? m : percent is null ? "Working…" : "Working";

    public static string Duration(TimeSpan t) => DurationText.Format(t);

    /// <summary>A status line with the routing or fallback note under it, when there is one.</summary>
    public static string WithNote(string text, string? note) => note is null ? text : $"{text}\n{note}";

    private static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
