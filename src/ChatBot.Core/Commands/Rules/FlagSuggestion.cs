using Quickenshtein;

namespace ChatBot.Core.Commands.Rules;

/// <summary>The flag a member most likely meant when they typed one no model takes (<c>--sed</c> → <c>--seed</c>).</summary>
internal static class FlagSuggestion
{
    /// <summary>The flags every media command reads itself, whatever the model.</summary>
    public static readonly IReadOnlyList<string> CommandFlags = ["ar", "seed", "no", "n", "model", "strength", "duration", "res", "factor", "mode", "style", "template"];

    /// <summary>The closest of <paramref name="known"/> within a small edit distance, or null when none is close.</summary>
    public static string? Closest(string typed, IEnumerable<string> known)
    {
        var limit = typed.Length <= 2 ? 1 : 2;
        return known
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(name => (Name: name, Distance: Levenshtein.GetDistance(typed.ToLowerInvariant(), name.ToLowerInvariant())))
            .Where(c => c.Distance <= limit && c.Distance < Math.Max(typed.Length, c.Name.Length))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();
    }

    /// <summary>" Did you mean `--seed`?" or an empty string.</summary>
    public static string DidYouMean(string typed, IEnumerable<string> known) =>
        Closest(typed, known) is { } name ? $" Did you mean `--{name}`?" : "";
}
