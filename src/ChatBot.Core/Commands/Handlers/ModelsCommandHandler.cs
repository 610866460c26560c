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
        if (request.Options.Prompt?.Trim() is { Length: > 0 } id)
        {
            return catalog.Find(id) is { } one && !settings.DisabledModels.Contains(one.Id, StringComparer.OrdinalIgnoreCase)
                ? new CommandOutcome.Info(ParameterHelp.ForModel(one, router.DisplayName(one.Provider)))
                : new CommandOutcome.Refused($"I don't know the model `{id}`. `/models` lists them.");
        }

        var text = new StringBuilder("**Models** (`--model <id>`; price in credits)\n");
        foreach (var group in catalog.Models.GroupBy(m => m.Provider, StringComparer.OrdinalIgnoreCase))
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
