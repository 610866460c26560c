using ChatBot.Core.Catalog;
using ChatBot.Core.Providers;
using ChatBot.Core.Tenants;

namespace ChatBot.Core.Commands.Handlers;

/// <summary>
/// <c>/settings me model:&lt;id&gt; ar:&lt;ratio&gt; n:&lt;count&gt;</c>: each member's own defaults, which any member sets for
/// themselves. <c>model:auto</c> (or <c>ar:-</c>, <c>n:-</c>) clears one, <c>clear</c> all of them.
/// </summary>
internal sealed class MemberSettings(ModelCatalog catalog, IMemberSettingsStore? store = null)
{
    public const string Usage = "`/settings me model:<id> ar:<ratio> n:<count>` (any of them; `model:auto`, `ar:-` or `n:-` clears one), or `/settings me clear`";

    private const int MaxCount = 10;

    public async Task<CommandOutcome> HandleAsync(CommandRequest request, string? value, CancellationToken cancellationToken)
    {
        if (store is null)
        {
            return new CommandOutcome.Refused("Personal defaults are not available on this bot.");
        }

        var account = request.Actor.Account;
        var current = await store.GetAsync(account, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(value))
        {
            return new CommandOutcome.Info($"Your defaults: {Describe(current)}.\nChange them with {Usage}.");
        }

        var (updated, refusal) = value.Trim().Equals("clear", StringComparison.OrdinalIgnoreCase) ? (new MemberDefaults(), null) : Apply(current, value);
        if (updated is null)
        {
            return new CommandOutcome.Refused(refusal!);
        }

        await store.SetAsync(account, updated, cancellationToken).ConfigureAwait(false);
        return new CommandOutcome.Info($"Saved. Your defaults: {Describe(updated)}. A flag on a command (`--model`, `--ar`, `--n`) still wins.");
    }

    /// <summary>The member's defaults for the <c>/settings</c> overview, or null when they cannot have any here.</summary>
    public async Task<string?> OverviewAsync(AccountKey account, CancellationToken cancellationToken) =>
        store is null ? null : Describe(await store.GetAsync(account, cancellationToken).ConfigureAwait(false));

    public static string Describe(MemberDefaults defaults)
    {
        if (defaults.IsEmpty)
        {
            return "none";
        }

        var parts = new List<string>(3);
        if (defaults.Model is { } model)
        {
            parts.Add($"model {model}");
        }

        if (defaults.AspectRatio is { } ar)
        {
            parts.Add($"ar {ar}");
        }

        if (defaults.Count is { } n)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"n {n}"));
        }

        return string.Join(" · ", parts);
    }

    /// <summary>The defaults with each <c>key:value</c> applied, or why one cannot be.</summary>
    private (MemberDefaults? Defaults, string? Refusal) Apply(MemberDefaults current, string text)
    {
        var updated = current;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = word.IndexOf(':', StringComparison.Ordinal);
            var (key, value) = colon > 0 ? (word[..colon].TrimStart('-').ToLowerInvariant(), word[(colon + 1)..]) : (word, "");
            var clear = value is "-" or "" || value.Equals(ProviderRouter.Auto, StringComparison.OrdinalIgnoreCase);
            switch (key)
            {
                case "model" when clear:
                    updated = updated with { Model = null };
                    break;
                case "model" when catalog.Find(value) is { } model:
                    updated = updated with { Model = model.Id };
                    break;
                case "model":
                    return (null, $"I don't know the model `{value}`. `/models` lists them.");
                case "ar" when clear:
                    updated = updated with { AspectRatio = null };
                    break;
                case "ar" when IsRatio(value):
                    updated = updated with { AspectRatio = value };
                    break;
                case "ar":
                    return (null, $"`{value}` is not an aspect ratio; write it like `16:9`.");
                case "n" when clear:
                    updated = updated with { Count = null };
                    break;
                case "n" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxCount:
                    updated = updated with { Count = n };
                    break;
                case "n":
                    return (null, $"`n` is a number of images from 1 to {MaxCount}.");
                default:
                    return (null, $"`{word}` is not a personal default. Use {Usage}.");
            }
        }

        return (updated, null);
    }

    private static bool IsRatio(string value) =>
        value.Split(':') is [var w, var h] && int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var a) && a > 0
        && int.TryParse(h, NumberStyles.None, CultureInfo.InvariantCulture, out var b) && b > 0;
}
