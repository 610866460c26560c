namespace ChatBot.Core.Catalog;

/// <summary>
/// One parameter a model accepts (config/models.json, <c>parameters</c>): a list of allowed values, a numeric
/// range, or neither (any text). A parameter the model does not list is refused before any credit is reserved.
/// </summary>
public sealed record ModelParameter
{
    /// <summary>The allowed values, in the provider's own spelling (sent as written here; matched ignoring case).</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    public double? Min { get; init; }
    public double? Max { get; init; }

    /// <summary>Whole numbers only.</summary>
    public bool Integer { get; init; }

    /// <summary>The operations it applies to; empty: every operation of the model.</summary>
    public IReadOnlyList<MediaOperation> Operations { get; init; } = [];

    /// <summary>The <c>--mode</c> values it applies to (for example style-transfer); empty: any mode.</summary>
    public IReadOnlyList<string> Modes { get; init; } = [];

    /// <summary>Values that ask the provider for adult content (Grok's <c>--mode spicy</c>): only in age-restricted channels.</summary>
    public IReadOnlyList<string> Nsfw { get; init; } = [];

    public bool AppliesTo(MediaOperation operation, string? mode = null) =>
        (Operations.Count == 0 || Operations.Contains(operation))
        && (Modes.Count == 0 || (mode is not null && Modes.Contains(mode, StringComparer.OrdinalIgnoreCase)));

    public bool IsNumeric => Integer || Min is not null || Max is not null;

    /// <summary>The catalog's spelling of an allowed value, or null when the value is not allowed.</summary>
    public string? Allowed(string value)
    {
        if (Values.Count > 0)
        {
            return Values.FirstOrDefault(v => v.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase));
        }

        if (!IsNumeric)
        {
            return value;
        }

        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            || (Integer && number != Math.Floor(number))
            || number < (Min ?? double.MinValue) || number > (Max ?? double.MaxValue))
        {
            return null;
        }

        return value.Trim();
    }

    /// <summary>"480p, 720p or 1080p", "a whole number from 1 to 35", "a number from 0 to 1", "any text".</summary>
    public string Describe()
    {
        if (Values.Count > 0)
        {
            return Values.Count == 1 ? Values[0] : $"{string.Join(", ", Values.Take(Values.Count - 1))} or {Values[^1]}";
        }

        if (!IsNumeric)
        {
            return "any text";
        }

        var what = Integer ? "a whole number" : "a number";
        return (Min, Max) switch
        {
            ({ } min, { } max) => string.Create(CultureInfo.InvariantCulture, $"{what} from {min} to {max}"),
            ({ } min, null) => string.Create(CultureInfo.InvariantCulture, $"{what} of {min} or more"),
            (null, { } max) => string.Create(CultureInfo.InvariantCulture, $"{what} up to {max}"),
            _ => what,
        };
    }
}
