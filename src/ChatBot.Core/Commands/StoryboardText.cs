namespace ChatBot.Core.Commands;

/// <summary>
/// A storyboard typed as a prompt: shots separated by "|", each optionally ending in "::seconds"
/// (<c>desert highway::5 | hands on the wheel::3</c>). Shots without a length share what is left of the
/// requested duration (5 s each when none is asked).
/// </summary>
public static class StoryboardText
{
    public const int DefaultShotSeconds = 5;

    /// <summary>The shots and their seconds; empty when the prompt has none.</summary>
    public static IReadOnlyList<(string Text, int Seconds)> Shots(string? prompt, int? durationSeconds)
    {
        var parts = (prompt ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var shots = new List<(string Text, int? Seconds)>();
        foreach (var part in parts)
        {
            var at = part.LastIndexOf("::", StringComparison.Ordinal);
            shots.Add(at > 0 && int.TryParse(part[(at + 2)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var sec) && sec > 0
                ? (part[..at].Trim(), sec)
                : (part, null));
        }

        var fixedSeconds = shots.Sum(s => s.Seconds ?? 0);
        var open = shots.Count(s => s.Seconds is null);
        var share = open == 0 ? 0 : Math.Max(1, ((durationSeconds ?? (DefaultShotSeconds * shots.Count)) - fixedSeconds) / open);
        return [.. shots.Select(s => (s.Text, s.Seconds ?? share))];
    }
}
