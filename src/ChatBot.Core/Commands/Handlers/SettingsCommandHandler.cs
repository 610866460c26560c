using ChatBot.Core.Catalog;
using ChatBot.Core.Credits;
using ChatBot.Core.Providers;
using ChatBot.Core.Tenants;

namespace ChatBot.Core.Commands.Handlers;

/// <summary>/settings: shows a community's settings to anyone; admins change the default model, the gallery button and disabled models.</summary>
internal sealed class SettingsCommandHandler(ModelCatalog catalog, ICreditLedger ledger, ITenantSettingsStore tenants) : ICommandHandler
{
    private const string Usage = "Use `/settings default-model <id|auto>`, `/settings gallery on|off`, `/settings disable-model <id>` or `/settings enable-model <id>`.";

    public IReadOnlyCollection<CommandKind> Kinds { get; } = [CommandKind.Settings];

    public async Task<CommandOutcome> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var tenant = request.Actor.Account.Tenant;
        var settings = await tenants.GetAsync(tenant, cancellationToken).ConfigureAwait(false);
        var setting = request.Options.Extra.GetValueOrDefault("setting");
        var value = request.Options.Extra.GetValueOrDefault("value")?.Trim();
        if (setting is null)
        {
            var allowance = await ledger.GetAllowanceAsync(tenant, cancellationToken).ConfigureAwait(false);
            return new CommandOutcome.Info(
                $"**Settings**\nDefault model: {settings.DefaultModel ?? "auto"}\nDaily allowance: {allowance}\n" +
                $"Save to gallery button: {(settings.GalleryEnabled ? "on" : "off")}\n" +
                $"Disabled models: {(settings.DisabledModels.Count == 0 ? "none" : string.Join(", ", settings.DisabledModels))}\n" +
                "Admins change them with `/settings default-model <id|auto>`, `/settings gallery on|off`, `/settings disable-model <id>`, `/settings enable-model <id>`.");
        }

        if (!request.Actor.IsAdmin)
        {
            return new CommandOutcome.Refused("Only admins can change settings.");
        }

        if (setting == "default-model" && value is { Length: > 0 } && !IsAuto(value) && catalog.Find(value) is null)
        {
            return new CommandOutcome.Refused($"I don't know the model `{value}`. `/models` lists them.");
        }

        if (Apply(settings, setting, value) is not { } updated)
        {
            return new CommandOutcome.Refused(Usage);
        }

        await tenants.SetAsync(tenant, updated, cancellationToken).ConfigureAwait(false);
        return new CommandOutcome.Info($"Saved: {setting} {value}.");
    }

    /// <summary>The settings with one change applied, or null when the change is not one /settings knows.</summary>
    private TenantSettings? Apply(TenantSettings settings, string setting, string? value) => setting switch
    {
        "default-model" when value is { Length: > 0 } =>
            settings with { DefaultModel = IsAuto(value) ? null : catalog.Find(value)!.Id },
        "gallery" when value is "on" or "off" =>
            settings with { GalleryEnabled = value == "on" },
        "disable-model" when value is { Length: > 0 } && catalog.Find(value) is { } off =>
            settings with { DisabledModels = [.. settings.DisabledModels.Append(off.Id).Distinct(StringComparer.OrdinalIgnoreCase)] },
        "enable-model" when value is { Length: > 0 } =>
            settings with { DisabledModels = [.. settings.DisabledModels.Where(m => !m.Equals(value, StringComparison.OrdinalIgnoreCase))] },
        _ => null,
    };

    private static bool IsAuto(string value) => value.Equals(ProviderRouter.Auto, StringComparison.OrdinalIgnoreCase);
}
