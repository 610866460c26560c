namespace ChatBot.Core.Catalog;

/// <summary>One entry of config/models.json.</summary>
public sealed record ModelDefinition
{
    /// <summary>The id members type after <c>--model</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The provider name (matches <see cref="Providers.IMediaProvider.Name"/>).</summary>
    public required string Provider { get; init; }

    /// <summary>The provider's own model identifier on the wire; defaults to <see cref="Id"/>.</summary>
    public string? ProviderModel { get; init; }
    public string DisplayName { get; init; } = "";
    public string Description { get; init; } = "";
    public IReadOnlyList<MediaOperation> Operations { get; init; } = [];
    public ModelPrice Price { get; init; } = new();
    public ModelLimits Limits { get; init; } = new();

    /// <summary>
    /// The parameters the model accepts, by catalog name (<see cref="ParameterNames"/>), with their allowed values.
    /// Anything not listed is refused before a credit is reserved, and never sent.
    /// </summary>
    public IReadOnlyDictionary<string, ModelParameter> Parameters { get; init; } = new Dictionary<string, ModelParameter>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Provider-specific defaults and hints (for example a polling timeout).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public string WireModel => ProviderModel ?? Id;

    public bool Supports(MediaOperation operation) => Operations.Contains(operation);

    /// <summary>The parameter when the model accepts it for the operation, else null.</summary>
    public ModelParameter? Parameter(string name, MediaOperation operation, string? mode = null) =>
        Parameters.TryGetValue(name, out var parameter) && parameter.AppliesTo(operation, mode) ? parameter : null;

    public bool Accepts(string name, MediaOperation operation, string? mode = null) => Parameter(name, operation, mode) is not null;

    /// <summary>The durations the model makes, in seconds, shortest first (its listed values, or every second of its range); empty for stills.</summary>
    public IReadOnlyList<int> Durations => Parameters.TryGetValue(ParameterNames.Duration, out var d)
        ? d.Values.Count > 0
            ? [.. d.Values.Select(v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).Order()]
            : d.Min is { } min && d.Max is { } max ? [.. Enumerable.Range((int)min, (int)max - (int)min + 1)] : []
        : [];

    /// <summary>The allowed values of a listed parameter (aspect ratios, resolutions, …); empty when not accepted.</summary>
    public IReadOnlyList<string> ValuesOf(string name) => Parameters.TryGetValue(name, out var p) ? p.Values : [];
}
