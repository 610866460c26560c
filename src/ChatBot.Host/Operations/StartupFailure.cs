using ChatBot.Core;

namespace ChatBot.Host.Operations;

/// <summary>
/// Turns what stops start-up because of the operator's settings (a value that fails validation or does not convert,
/// an address already in use, a missing file) into one line naming the setting or the address. Anything else is a
/// bug and keeps its stack trace.
/// </summary>
internal static partial class StartupFailure
{
    public static string? Describe(Exception exception, IEnumerable<ValidatedSection> sections)
    {
        var lines = Flatten(exception).Select(e => DescribeOne(e, sections)).ToList();
        return lines.Count > 0 && lines.All(l => l is not null) ? "Start-up stopped: " + string.Join(" ", lines.Distinct(StringComparer.Ordinal)) : null;
    }

    private static string? DescribeOne(Exception exception, IEnumerable<ValidatedSection> sections) => exception switch
    {
        OptionsValidationException invalid => string.Join(" ", invalid.Failures.Select(f => Failure(f, Section(invalid, sections)))),
        InvalidOperationException { Message: var m } when m.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => m,
        IOException { Message: var m } when m.StartsWith("Failed to bind to address", StringComparison.Ordinal) => m,
        FileNotFoundException { Message: var m } when m.Contains("Set ", StringComparison.Ordinal) => m,
        _ => null,
    };

    private static IEnumerable<Exception> Flatten(Exception exception) => exception is AggregateException aggregate
        ? aggregate.Flatten().InnerExceptions.SelectMany(Flatten)
        : [exception];

    private static string? Section(OptionsValidationException invalid, IEnumerable<ValidatedSection> sections) =>
        sections.FirstOrDefault(s => s.OptionsType == invalid.OptionsType && string.Equals(s.OptionsName, invalid.OptionsName, StringComparison.Ordinal))?.Section;

    /// <summary>"DataAnnotation validation failed for 'X' members: 'Y' with the error: 'Z'." becomes "Section:Y: Z".</summary>
    private static string Failure(string failure, string? section)
    {
        var match = DataAnnotationFailure().Match(failure);
        if (!match.Success)
        {
            return failure;
        }

        var message = match.Groups["error"].Value;
        var members = match.Groups["members"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var setting = members.Length == 0 ? section : string.Join(", ", members.Select(m => section is null ? m : $"{section}:{m}"));
        if (setting is null || message.Contains(setting, StringComparison.OrdinalIgnoreCase))
        {
            return EndSentence(message);
        }

        return $"{setting}: {EndSentence(message)}";
    }

    private static string EndSentence(string text) => text.EndsWith('.') ? text : text + ".";

    [GeneratedRegex("^DataAnnotation validation failed for '[^']*' members: '(?<members>[^']*)' with the error: '(?<error>.*)'\\.$", RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DataAnnotationFailure();
}
