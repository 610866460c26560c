namespace ChatBot.Storage.Sqlite;

/// <summary>
/// An enum as the database stores it: one explicit, stable name per value (never the enum's order or its C# name),
/// read back strictly — a name the table does not know is a corrupt row, not a default.
/// </summary>
internal sealed class StoredNames<T>
    where T : struct, Enum
{
    private readonly Dictionary<T, string> _names;
    private readonly Dictionary<string, T> _values;
    private readonly string _what;

    /// <param name="what">What the names are, for the error on an unknown one ("job state").</param>
    /// <param name="names">Every value of <typeparamref name="T"/> with its stored name.</param>
    public StoredNames(string what, params (T Value, string Name)[] names)
    {
        _what = what;
        _names = names.ToDictionary(n => n.Value, n => n.Name);
        _values = names.ToDictionary(n => n.Name, n => n.Value, StringComparer.Ordinal);
        var missing = Enum.GetValues<T>().Where(v => !_names.ContainsKey(v)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"No stored name for {string.Join(", ", missing)}.", nameof(names));
        }
    }

    public string ToName(T value) =>
        _names.TryGetValue(value, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(value), value, $"Unknown {_what}.");

    public T Parse(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"The database holds an unknown {_what} '{name}'.");
}
