using ChatBot.Core.Catalog;
using ChatBot.Core.Providers;
using ChatBot.Discord;
using ChatBot.Slack;

namespace ChatBot.Host.Operations;

/// <summary>
/// The lines of the start-up summary: what is on and why, what is off and why, where data goes and where the host
/// listens. A token that does not have its platform's shape, or a setting name that is not one, is said here rather
/// than silently ignored. Never a secret: tokens are judged, not shown.
/// </summary>
internal static partial class StartupReport
{
    /// <summary>View Channels, Send Messages, Embed Links, Attach Files, Read Message History (README, Connecting Discord).</summary>
    public const long DiscordPermissions = 1024 | 2048 | 16384 | 32768 | 65536;

    public static string DiscordInvite(string applicationId) =>
        $"https://discord.com/oauth2/authorize?client_id={Uri.EscapeDataString(applicationId)}&scope=bot+applications.commands&permissions={DiscordPermissions}";

    public static IEnumerable<string> Lines(
        IConfiguration configuration,
        bool playground,
        DiscordOptions discord,
        SlackOptions slack,
        string storage,
        IEnumerable<IMediaProvider> providers,
        ModelCatalog catalog,
        ProviderRouter router,
        IEnumerable<string> addresses)
    {
        yield return playground ? "Playground: on" : "Playground: off (Playground:Enabled is false, or unset while Discord or Slack is on)";
        yield return "Discord: " + Discord(discord);
        yield return "Slack: " + Slack(slack);
        foreach (var mistake in UnknownSettings(configuration, DiscordOptions.Section, typeof(DiscordOptions))
            .Concat(UnknownSettings(configuration, SlackOptions.Section, typeof(SlackOptions))))
        {
            yield return mistake;
        }

        var available = providers.Where(p => p.IsAvailable).Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        var unavailable = providers.Where(p => !p.IsAvailable).Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        yield return $"Providers on: {List(available)}; off (no key set, or its circuit open): {List(unavailable)}";
        var models = catalog.Models.Where(router.IsAvailable).Select(m => m.Id).ToList();
        yield return $"Models usable: {models.Count} of {catalog.Models.Count} ({List(models)})";
        yield return storage;
        yield return "Listening on: " + List(addresses.ToList());
        if (discord.IsEnabled && !string.IsNullOrWhiteSpace(discord.ApplicationId))
        {
            yield return "Discord invite: " + DiscordInvite(discord.ApplicationId.Trim());
        }
    }

    private static string Discord(DiscordOptions options)
    {
        if (!options.IsEnabled)
        {
            return "off (Discord:Token is not set)";
        }

        var mode = options.Mode == DiscordMode.Http ? "HTTP interactions at /discord/interactions" : $"gateway, shard {string.Join(",", options.EffectiveShards)} of {options.ShardCount}";
        var token = options.Token!;
        var shape = token != token.Trim() ? "; Discord:Token has spaces or a line break around it: Discord will refuse it"
            : token.StartsWith("Bot ", StringComparison.OrdinalIgnoreCase) ? "; Discord:Token starts with \"Bot \": set the token alone"
            : !DiscordTokenShape().IsMatch(token) ? "; Discord:Token does not look like a bot token (three parts separated by dots): check it if Discord refuses it"
            : "";
        return $"on ({mode}){shape}";
    }

    private static string Slack(SlackOptions options)
    {
        if (!options.Enabled)
        {
            return "off (Slack:BotToken is not set)";
        }

        return options.EffectiveMode == SlackMode.Socket ? "on (Socket Mode)" : "on (HTTP mode at /slack/commands, /slack/interactivity, /slack/events)";
    }

    /// <summary>Setting names under a platform's section that its options do not have (a typo would otherwise be ignored).</summary>
    private static IEnumerable<string> UnknownSettings(IConfiguration configuration, string section, Type options)
    {
        var known = options.GetProperties().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var child in configuration.GetSection(section).GetChildren().Where(c => !known.Contains(c.Key)))
        {
            yield return $"Setting {section}:{child.Key} is not a setting of {section} and is ignored (a typo?)";
        }

        foreach (var root in configuration.GetChildren().Where(c =>
                     c.Key.StartsWith(section, StringComparison.OrdinalIgnoreCase) && !string.Equals(c.Key, section, StringComparison.OrdinalIgnoreCase)))
        {
            yield return $"Setting {root.Key} is not a setting and is ignored (a typo of {section}:…? environment variables separate with a double underscore)";
        }
    }

    private static string List(IReadOnlyCollection<string> items) => items.Count == 0 ? "none" : string.Join(", ", items);

    [GeneratedRegex(@"^[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]{10,}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DiscordTokenShape();
}
