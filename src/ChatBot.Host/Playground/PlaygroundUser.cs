using System.Text.RegularExpressions;

namespace ChatBot.Host.Playground;

/// <summary>Playground user names: what may be typed, and the account id it maps to.</summary>
internal static partial class PlaygroundUser
{
    public const int MaxLength = 32;

    public static bool IsValid(string? name) => name is not null && NamePattern().IsMatch(name.Trim());

    /// <summary>Names are case-insensitive: "Alice" and "alice" share one account.</summary>
    public static string ToUserId(string name) => name.Trim().TrimStart('@').ToLowerInvariant();

    [GeneratedRegex(@"^@?[\p{L}\p{N}_.\-]{1,32}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NamePattern();
}
