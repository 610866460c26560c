using ChatBot.Core.Catalog;
using ChatBot.Core.Credits;
using ChatBot.Core.Providers;
using ChatBot.Core.Tenants;

namespace ChatBot.Core.Commands.Handlers;

/// <summary>/models: every provider's state, its models with their operations and prices, and its templates; <c>/models &lt;id&gt;</c>: one model's options.</summary>
internal sealed class ModelsCommandHandler(
    ModelCatalog catalog,
    ProviderRouter router,
    ITenantSettingsStore tenants,
    TimeProvider time,
    ILogger<ModelsCommandHandler> logger) : ICommandHandler
{
    private const int TemplatesShown = 20;
    private static readonly TimeSpan TemplateWait = TimeSpan.FromSeconds(5);

    public IReadOnlyCollection<CommandKind> Kinds { get; } = [CommandKind.Models];

    public async Task<CommandOutcome> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var settings = await tenants.GetAsync(request.Actor.Account.Tenant, cancellationToken).ConfigureAwait(false);
        var filterText = request.Options.Extra.GetValueOrDefault("operation") ?? request.Options.Extra.GetValueOrDefault("op");
        if (request.Options.Prompt?.Trim() is { Length: > 0 } id)
        {
            if (catalog.Find(id) is { } one && !settings.DisabledModels.Contains(one.Id, StringComparer.OrdinalIgnoreCase))
            {
                return new CommandOutcome.Info(ParameterHelp.ForModel(one, router.DisplayName(one.Provider)));
            }

            if (OperationsNamed(id) is null)
            {
                return new CommandOutcome.Refused($"I don't know the model `{id}`. `/models` lists them.");
            }

            filterText = id; // `/models video` on a surface without an operation field
        }

        IReadOnlyList<MediaOperation>? filter = null;
        if (filterText is { Length: > 0 } && (filter = OperationsNamed(filterText)) is null)
        {
            return new CommandOutcome.Refused($"`{filterText}` is not an operation. Try a command (`imagine`, `edit`, `video`, `upscale`, `vary`) or one of: {string.Join(", ", Enum.GetValues<MediaOperation>().Select(Kebab))}.");
        }

        var title = filter is null ? "**Models**" : $"**Models for {string.Join(", ", filter.Select(ProviderRouter.Describe))}**";
        var text = new StringBuilder($"{title} (`--model <id>`; price in credits)\n");
        var models = catalog.Models.Where(m => filter is null || filter.Any(m.Supports));
        foreach (var group in models.GroupBy(m => m.Provider, StringComparer.OrdinalIgnoreCase))
        {
            var provider = router.FindProvider(group.Key);
            var state = provider is null ? "not installed" : provider.IsAvailable ? "available" : "unavailable (no key configured, or not answering)";
            var info = catalog.FindProvider(group.Key);
            text.Append(CultureInfo.InvariantCulture, $"\n__{router.DisplayName(group.Key)}__ — {state}\n");
            if (info?.Description is { Length: > 0 } description)
            {
                text.Append(CultureInfo.InvariantCulture, $"_{description}_\n");
            }

            foreach (var model in group.Where(m => !settings.DisabledModels.Contains(m.Id, StringComparer.OrdinalIgnoreCase)))
            {
                var ops = string.Join(", ", model.Operations.Select(ProviderRouter.Describe));
                var mark = model.Id.Equals(settings.DefaultModel, StringComparison.OrdinalIgnoreCase) ? " (default)" : "";
                text.Append(CultureInfo.InvariantCulture, $"`{model.Id}`{mark} — {ops} — {CreditText.Price(model.Price)}");
                text.Append(model.Description.Length > 0 ? $" — {model.Description}\n" : "\n");
            }

            if (provider is IProviderCapabilities capabilities && provider.IsAvailable)
            {
                await AppendCapabilitiesAsync(text, group.Key, capabilities, cancellationToken).ConfigureAwait(false);
            }

            if (provider is IProviderTemplates offers && provider.IsAvailable)
            {
                await AppendTemplatesAsync(text, group.Key, offers, cancellationToken).ConfigureAwait(false);
            }
        }

        return new CommandOutcome.Info(text.ToString().TrimEnd());
    }

    /// <summary>The operations a filter names: a command (<c>video</c>: every video operation) or one operation (<c>lip-sync</c>).</summary>
    private static IReadOnlyList<MediaOperation>? OperationsNamed(string text)
    {
        var name = text.Trim().TrimStart('/');
        if (Enum.GetValues<MediaOperation>().Where(o => Kebab(o).Equals(name, StringComparison.OrdinalIgnoreCase) || o.ToString().Equals(name, StringComparison.OrdinalIgnoreCase)).ToList() is [var one]
            && !CommandText.CommandNames.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return [one];
        }

        return CommandText.Parse(name, "").Kind is { } kind && ParameterHelp.Operations(kind) is { Count: > 0 } operations ? operations : null;
    }

    private static string Kebab(MediaOperation operation) => JsonNamingPolicy.KebabCaseLower.ConvertName(operation.ToString());

    /// <summary>What the provider says it offers (the services behind it, its operations), when it answers within a few seconds.</summary>
    private async Task AppendCapabilitiesAsync(StringBuilder text, string provider, IProviderCapabilities capabilities, CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(TemplateWait, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            foreach (var line in await capabilities.DescribeCapabilitiesAsync(linked.Token).ConfigureAwait(false))
            {
                text.Append(line).Append('\n');
            }
        }
        catch (Exception ex) when (ex is ProviderException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            logger.TemplatesUnavailable(provider, ex.GetType().Name);
        }
    }

    /// <summary>The provider's templates, when it answers within a few seconds; /models answers without them otherwise.</summary>
    private async Task AppendTemplatesAsync(StringBuilder text, string provider, IProviderTemplates offers, CancellationToken ct)
    {
        IReadOnlyList<ProviderTemplate> templates;
        using var timeout = new CancellationTokenSource(TemplateWait, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            templates = await offers.GetTemplatesAsync(linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ProviderException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            logger.TemplatesUnavailable(provider, ex.GetType().Name);
            return;
        }

        if (templates.Count == 0)
        {
            return;
        }

        text.Append("Templates (`/imagine … --template <id>`; find one with `/templates <platform>`): ");
        text.AppendJoin(", ", templates.Take(TemplatesShown).Select(t => t.Note is { Length: > 0 } note ? $"`{t.Id}` ({t.Name}, {note})" : $"`{t.Id}` ({t.Name})"));
        text.Append(templates.Count > TemplatesShown ? $" and {templates.Count - TemplatesShown} more\n" : "\n");
    }
}
