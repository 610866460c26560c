namespace ChatBot.Core.Catalog;

/// <summary>The model catalog: every model the bot can reach, read from config/models.json.</summary>
public sealed class ModelCatalog
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly Dictionary<string, ProviderInfo> _providers;
    private readonly Lock _gate = new();
    private volatile Dictionary<string, ModelDefinition> _byId;
    private volatile IReadOnlyList<ModelDefinition> _models;

    public ModelCatalog(IEnumerable<ModelDefinition> models, IEnumerable<ProviderInfo>? providers = null)
    {
        _models = [.. models];
        _byId = new Dictionary<string, ModelDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var model in _models)
        {
            if (!_byId.TryAdd(model.Id, model))
            {
                throw new InvalidOperationException($"config/models.json names the model '{model.Id}' twice.");
            }

            if (model.Parameters.TryGetValue(ParameterNames.Duration, out var durations)
                && durations.Values.Any(v => !int.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)))
            {
                throw new InvalidOperationException($"config/models.json: the durations of '{model.Id}' must be whole seconds.");
            }
        }

        _providers = (providers ?? []).ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<ModelDefinition> Models => _models;

    /// <summary>
    /// Replaces the prices of the named models (a provider's live price list; the others keep theirs). New quotes use
    /// them at once; a job already quoted keeps its reservation. The number of models whose price changed.
    /// </summary>
    public int UpdatePrices(IReadOnlyDictionary<string, ModelPrice> prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        lock (_gate)
        {
            var changed = 0;
            var models = _models.Select(m =>
            {
                if (!prices.TryGetValue(m.Id, out var price) || price == m.Price)
                {
                    return m;
                }

                changed++;
                return m with { Price = price };
            }).ToList();
            if (changed > 0)
            {
                _byId = models.ToDictionary(m => m.Id, StringComparer.OrdinalIgnoreCase);
                _models = models;
            }

            return changed;
        }
    }

    public IEnumerable<ProviderInfo> Providers => _providers.Values;

    public ModelDefinition? Find(string id) => _byId.GetValueOrDefault(id);

    public ProviderInfo? FindProvider(string name) => _providers.GetValueOrDefault(name);

    public IEnumerable<ModelDefinition> For(MediaOperation operation) => Models.Where(m => m.Supports(operation));

    public static ModelCatalog Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    public static ModelCatalog Load(Stream json)
    {
        var file = JsonSerializer.Deserialize<CatalogFile>(json, JsonOptions)
            ?? throw new InvalidOperationException("config/models.json is empty.");
        return new ModelCatalog(file.Models ?? [], file.Providers ?? []);
    }

    private sealed record CatalogFile(List<ProviderInfo>? Providers, List<ModelDefinition>? Models);
}
