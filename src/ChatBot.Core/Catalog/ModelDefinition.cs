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

    /// <summary>Provider-specific defaults and hints (for example a polling timeout).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public string WireModel => ProviderModel ?? Id;

    public bool Supports(MediaOperation operation) => Operations.Contains(operation);
}
