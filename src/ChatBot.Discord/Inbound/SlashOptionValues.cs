using ChatBot.Discord.Rest.Models;

namespace ChatBot.Discord.Inbound;

/// <summary>A slash command's options by name, sub-command groups flattened, read as text, numbers or attachment ids.</summary>
internal sealed class SlashOptionValues
{
    private readonly Dictionary<string, InteractionOption> _values = new(StringComparer.Ordinal);

    public SlashOptionValues(IReadOnlyList<InteractionOption>? options) => Add(options);

    public IEnumerable<InteractionOption> All => _values.Values;

    public InteractionOption? Get(string name) => _values.GetValueOrDefault(name);

    public string? Str(string name) =>
        _values.TryGetValue(name, out var option) && Text(option) is { Length: > 0 } text ? text.Trim() : null;

    public long? Long(string name) =>
        Str(name) is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public double? Double(string name) =>
        Str(name) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>How the member typed it, for the job's record: <c>/imagine prompt:a fox count:2</c>.</summary>
    public string RawText(string? commandName)
    {
        var text = new StringBuilder("/").Append(commandName);
        foreach (var option in _values.Values)
        {
            text.Append(' ').Append(option.Name).Append(':').Append(Text(option));
        }

        return text.ToString();
    }

    public static string? Text(InteractionOption option) => option.Value switch
    {
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Number } v => v.GetRawText(),
        _ => null,
    };

    private void Add(IReadOnlyList<InteractionOption>? options)
    {
        foreach (var option in options ?? [])
        {
            if (option.Options is { Count: > 0 } nested)
            {
                Add(nested);
            }
            else
            {
                _values[option.Name] = option;
            }
        }
    }
}
