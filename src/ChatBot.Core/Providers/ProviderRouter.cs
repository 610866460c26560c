using ChatBot.Core.Catalog;

namespace ChatBot.Core.Providers;

/// <summary>
/// Chooses the model and provider for an operation: a named model runs on its provider; <c>auto</c>
/// (or no model) picks the cheapest available model for the operation, then the provider's priority;
/// a last-resort provider (the offline local one) serves only when no other provider can.
/// When a named model's provider is unavailable (no key, circuit open), another provider serving the
/// same operation takes the job and the reply says so.
/// </summary>
public sealed class ProviderRouter
{
    public const string Auto = "auto";

    private readonly ModelCatalog _catalog;
    private readonly Dictionary<string, IMediaProvider> _providers;

    public ProviderRouter(ModelCatalog catalog, IEnumerable<IMediaProvider> providers)
    {
        _catalog = catalog;
        _providers = providers.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
    }

    public IMediaProvider? FindProvider(string name) => _providers.GetValueOrDefault(name);

    /// <summary>Every installed provider, configured or not.</summary>
    public IEnumerable<IMediaProvider> Providers => _providers.Values;

    public bool IsAvailable(ModelDefinition model) => FindProvider(model.Provider)?.IsAvailable == true;

    /// <summary>Whether the model can run now (its provider is installed and configured): what buttons and model lists offer.</summary>
    public bool CanRun(ModelDefinition model) => IsAvailable(model);

    public string DisplayName(string provider) =>
        _catalog.FindProvider(provider)?.DisplayName is { Length: > 0 } name ? name : provider;

    /// <summary>
    /// The model for the operation. <paramref name="images"/> (the images the command brings, when known) narrows
    /// <c>auto</c> to models that can take them: no image-to-video model for a prompt alone, no text-only model
    /// for a prompt with an image.
    /// </summary>
    public RouteResult Route(MediaOperation operation, string? requestedModel, string? tenantDefault = null, IReadOnlyCollection<string>? disabledModels = null, int? images = null)
    {
        var disabled = disabledModels ?? [];
        if (!string.IsNullOrWhiteSpace(requestedModel) && !requestedModel.Equals(Auto, StringComparison.OrdinalIgnoreCase))
        {
            var model = _catalog.Find(requestedModel);
            if (model is null || disabled.Contains(model.Id, StringComparer.OrdinalIgnoreCase))
            {
                return new RouteResult.Unroutable($"I don't know the model `{requestedModel}`. `/models` lists the ones you can use.");
            }

            if (!model.Supports(operation))
            {
                var able = string.Join(", ", _catalog.For(operation).Take(6).Select(m => $"`{m.Id}`"));
                return new RouteResult.Unroutable($"`{model.Id}` can't do {Describe(operation)}." + (able.Length > 0 ? $" Models that can: {able}." : ""));
            }

            if (IsAvailable(model))
            {
                return new RouteResult.Routed(model, _providers[model.Provider]);
            }

            return Fallback(operation, model, [model.Provider], images) is RouteResult.Routed routed
                ? routed with { Note = $"{DisplayName(model.Provider)} is unavailable right now, so {DisplayName(routed.Model.Provider)} runs this with `{routed.Model.Id}`." }
                : new RouteResult.Unroutable($"`{model.Id}` is unavailable right now ({DisplayName(model.Provider)} is not configured or not answering), and no other provider can do {Describe(operation)}. Try again later.");
        }

        if (tenantDefault is not null && _catalog.Find(tenantDefault) is { } preferred && preferred.Supports(operation) && IsAvailable(preferred) && Takes(preferred, images))
        {
            return new RouteResult.Routed(preferred, _providers[preferred.Provider]);
        }

        var best = Candidates(operation, [], disabled, images).FirstOrDefault();
        return best is null
            ? new RouteResult.Unroutable($"No available model can do {Describe(operation)} right now. `/models` shows what is configured.")
            : new RouteResult.Routed(best, _providers[best.Provider]);
    }

    /// <summary>Another available model for the same operation on a provider not yet tried, or Unroutable.</summary>
    /// <remarks><paramref name="reason"/> is the refusal's code, so the note can say why (rate_limited, provider_unavailable).</remarks>
    public RouteResult Fallback(MediaOperation operation, ModelDefinition failed, IReadOnlyCollection<string> triedProviders, int? images = null, string? reason = null)
    {
        var next = Candidates(operation, triedProviders, [], images).FirstOrDefault(m => !m.Provider.Equals(failed.Provider, StringComparison.OrdinalIgnoreCase));
        var why = reason switch
        {
            "rate_limited" => " (it is rate-limiting the bot)",
            "provider_unavailable" => " (it is unavailable right now)",
            _ => "",
        };
        return next is null
            ? new RouteResult.Unroutable($"No other provider can do {Describe(operation)} right now.")
            : new RouteResult.Routed(next, _providers[next.Provider], $"{DisplayName(failed.Provider)} could not take the job{why}, so {DisplayName(next.Provider)} runs it with `{next.Id}`.");
    }

    /// <summary>Whether the model can take that many images in (unknown: yes).</summary>
    /// <remarks>Lip sync and video background removal learn what each attachment is only from its bytes, so they are not counted.</remarks>
    private static bool Takes(ModelDefinition model, int? images) =>
        images is not { } n
        || model.Operations.Any(o => o is MediaOperation.LipSync or MediaOperation.VideoRemoveBackground)
        || (n <= model.Limits.MaxInputImages && (n > 0 || !model.Limits.RequiresImage));

    private IEnumerable<ModelDefinition> Candidates(MediaOperation operation, IReadOnlyCollection<string> excludedProviders, IReadOnlyCollection<string> disabledModels, int? images = null) =>
        _catalog.For(operation)
            .Where(m => IsAvailable(m)
                && Takes(m, images)
                && !excludedProviders.Contains(m.Provider, StringComparer.OrdinalIgnoreCase)
                && !disabledModels.Contains(m.Id, StringComparer.OrdinalIgnoreCase))
            .OrderBy(m => _catalog.FindProvider(m.Provider)?.LastResort == true)
            .ThenBy(m => m.Price.Quote(1, m.Durations.Count == 0 ? null : operation == MediaOperation.VideoUpscale ? m.Durations[^1] : m.Durations[0], null))
            .ThenBy(m => _catalog.FindProvider(m.Provider)?.Priority ?? 100)
            .ThenBy(m => m.Id, StringComparer.Ordinal);

    public static string Describe(MediaOperation operation) => operation switch
    {
        MediaOperation.Imagine => "text-to-image",
        MediaOperation.Vary => "variations",
        MediaOperation.Edit => "image edits",
        MediaOperation.Inpaint => "inpainting",
        MediaOperation.Reframe => "reframing",
        MediaOperation.Upscale => "upscaling",
        MediaOperation.RemoveBackground => "background removal",
        MediaOperation.Enhance => "enhancing",
        MediaOperation.Control => "sketch/structure/style control",
        MediaOperation.Social => "social-format optimisation",
        MediaOperation.AlbumArt => "album art",
        MediaOperation.Video => "video",
        MediaOperation.LipSync => "lip sync",
        MediaOperation.Storyboard => "storyboards",
        MediaOperation.VideoRemoveBackground => "video background removal",
        MediaOperation.SearchReplace => "search and replace",
        MediaOperation.Recolor => "recolor",
        MediaOperation.VideoUpscale => "video upscaling",
        _ => operation.ToString(),
    };
}
