using ChatBot.Core.Catalog;
using ChatBot.Core.Credits;
using ChatBot.Core.Providers;
using ChatBot.Core.Tenants;

namespace ChatBot.Core.Commands.Handlers;

/// <summary>/settings: shows a community's settings to anyone; admins change the default model, the gallery button and disabled models.</summary>
internal sealed class SettingsCommandHandler(ModelCatalog catalog, ICreditLedger ledger, ITenantSettingsStore tenants, MemberSettings members, IOptions<CreditOptions>? credits = null) : ICommandHandler
{
    private const string Usage = "Use `/settings default-model <id|auto>`, `/settings gallery on|off`, `/settings disable-model <id>`, `/settings enable-model <id>`, " +
        "`/settings confirm-above <credits>`, `/settings allow-channel <#channel|here|all>`, `/settings disallow-channel <#channel|here>`, `/settings block-word <word>`, `/settings unblock-word <word>`, " +
        "`/settings role-allowance <@role> <credits>` or `/settings clear-role-allowance <@role>`.";

    public IReadOnlyCollection<CommandKind> Kinds { get; } = [CommandKind.Settings];

    public async Task<CommandOutcome> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var tenant = request.Actor.Account.Tenant;
        var settings = await tenants.GetAsync(tenant, cancellationToken).ConfigureAwait(false);
        var setting = request.Options.Extra.GetValueOrDefault("setting");
        var value = request.Options.Extra.GetValueOrDefault("value")?.Trim();
        if (setting == "me")
        {
            return await members.HandleAsync(request, value, cancellationToken).ConfigureAwait(false);
        }

        if (setting is null)
        {
            var allowance = await ledger.GetAllowanceAsync(tenant, cancellationToken).ConfigureAwait(false);
            var mine = await members.OverviewAsync(request.Actor.Account, cancellationToken).ConfigureAwait(false) is { } own
                ? $"\nYour own defaults: {own} (change them with {MemberSettings.Usage})"
                : "";
            return new CommandOutcome.Info(
                $"**Settings**\nDefault model: {settings.DefaultModel ?? "auto"}\nDaily allowance: {allowance}\n" +
                $"Save to gallery button: {(settings.GalleryEnabled ? "on" : "off")}\n" +
                $"Disabled models: {(settings.DisabledModels.Count == 0 ? "none" : string.Join(", ", settings.DisabledModels))}\n" +
                $"Channels: {(settings.Channels.Count == 0 ? "all" : string.Join(", ", settings.Channels))}\n" +
                $"Blocked words: {BlockedWords(settings, request.Actor.IsAdmin)}\n" +
                $"Role allowances: {RoleAllowances(settings)}\n" +
                $"Jobs above {CreditText.Amount(settings.ConfirmAbove ?? credits?.Value.ConfirmAbove ?? new CreditOptions().ConfirmAbove)} ask for a Confirm first\n" +
                "Admins change them with " + Usage[4..] + mine);
        }

        if (!request.Actor.IsAdmin)
        {
            return new CommandOutcome.Refused("Only admins can change settings.");
        }

        if (setting == "default-model" && value is { Length: > 0 } && !IsAuto(value) && catalog.Find(value) is null)
        {
            return new CommandOutcome.Refused($"I don't know the model `{value}`. `/models` lists them.");
        }

        if (setting is "allow-channel" or "disallow-channel" && value is not null)
        {
            value = ChannelValue(value, request.Conversation);
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
        "confirm-above" when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var threshold) =>
            settings with { ConfirmAbove = threshold },
        "allow-channel" when value is "all" => settings with { Channels = [] },
        "allow-channel" when value is { Length: > 0 } => settings with { Channels = [.. settings.Channels.Append(value).Distinct(StringComparer.Ordinal)] },
        "disallow-channel" when value is { Length: > 0 } => settings with { Channels = [.. settings.Channels.Where(c => c != value)] },
        "block-word" when value is { Length: > 0 } =>
            settings with { Blocklist = [.. settings.Blocklist.Append(value).Distinct(StringComparer.OrdinalIgnoreCase)] },
        "unblock-word" when value is { Length: > 0 } =>
            settings with { Blocklist = [.. settings.Blocklist.Where(w => !w.Equals(value, StringComparison.OrdinalIgnoreCase))] },
        "role-allowance" when RoleAndCredits(value) is { } given =>
            settings with { RoleAllowances = new Dictionary<string, long>(settings.RoleAllowances, StringComparer.Ordinal) { [given.Role] = given.Credits } },
        "clear-role-allowance" when RoleId(value) is { } role && settings.RoleAllowances.ContainsKey(role) =>
            settings with { RoleAllowances = settings.RoleAllowances.Where(r => r.Key != role).ToDictionary(StringComparer.Ordinal) },
        _ => null,
    };

    /// <summary>A channel as given: <c>here</c>, a mention (<c>&lt;#123&gt;</c> on Discord, <c>&lt;#C1|name&gt;</c> on Slack) or an id.</summary>
    private static string ChannelValue(string value, Conversation conversation)
    {
        if (value.Equals("here", StringComparison.OrdinalIgnoreCase))
        {
            return conversation.ChannelId;
        }

        return value.StartsWith("<#", StringComparison.Ordinal) && value.EndsWith('>') ? value[2..^1].Split('|')[0] : value;
    }

    /// <summary><c>&lt;@&amp;123&gt; 200</c> or <c>123 200</c>: a role and a daily allowance within what an account can hold.</summary>
    private static (string Role, long Credits)? RoleAndCredits(string? value)
    {
        var parts = (value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2 && RoleId(parts[0]) is { } role
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var credits) && credits <= CreditLimits.MaxBalance
            ? (role, credits)
            : null;
    }

    /// <summary>A role as given: a mention (<c>&lt;@&amp;123&gt;</c>) or its id.</summary>
    private static string? RoleId(string? value)
    {
        var text = (value ?? "").Trim();
        text = text.StartsWith("<@&", StringComparison.Ordinal) && text.EndsWith('>') ? text[3..^1] : text;
        return text.Length > 0 && !text.Contains(' ', StringComparison.Ordinal) ? text : null;
    }

    /// <summary>Each role's allowance, highest first; the mention shows the role's name where the platform has roles.</summary>
    private static string RoleAllowances(TenantSettings settings) => settings.RoleAllowances.Count == 0
        ? "none"
        : string.Join(", ", settings.RoleAllowances.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"<@&{r.Key}> {r.Value}")));

    /// <summary>Members see how many words are blocked, never which (the list would teach the way around it).</summary>
    private static string BlockedWords(TenantSettings settings, bool admin) =>
        settings.Blocklist.Count == 0 ? "none" : admin ? string.Join(", ", settings.Blocklist) : $"{settings.Blocklist.Count}";

    private static bool IsAuto(string value) => value.Equals(ProviderRouter.Auto, StringComparison.OrdinalIgnoreCase);
}
