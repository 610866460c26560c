using ChatBot.Core.Catalog;
using ChatBot.Core.Tenants;

namespace ChatBot.Core.Commands.Rules;

/// <summary>
/// Moderation of a prompt before anything is routed or reserved: the community's length limit, a prompt
/// where the operation needs one, and the blocklist (whole words, case-insensitive, never echoed back).
/// </summary>
internal sealed class PromptRules(IOptions<ValidationOptions> validation)
{
    /// <summary>Why the prompt is refused, or null when it may run.</summary>
    public string? Check(MediaOperation operation, CommandOptions options)
    {
        var rules = validation.Value;
        var prompt = options.Prompt ?? "";
        if (prompt.Length > rules.MaxPromptLength)
        {
            return $"Your prompt is {prompt.Length} characters; the limit is {rules.MaxPromptLength}. Please shorten it.";
        }

        if (OperationResolver.NeedsPrompt(operation) && string.IsNullOrWhiteSpace(prompt))
        {
            return operation == MediaOperation.Imagine
                ? "Tell me what to imagine, for example `/imagine a lighthouse at dusk --ar 16:9`."
                : "Tell me what to change, for example `/edit make the sky stormy`.";
        }

        if (OperationResolver.RequiredFlag(operation) is { } required
            && (!options.Extra.TryGetValue(required.Flag, out var named) || string.IsNullOrWhiteSpace(named)))
        {
            return $"`--mode {options.Mode}` needs `--{required.Flag} <{required.Means}>`, for example "
                + (operation == MediaOperation.Recolor ? "`/edit deep red --mode recolor --select the jacket`." : "`/edit a golden retriever --mode search-replace --search the cat`.");
        }

        return Blocked(rules.Blocklist, options);
    }

    /// <summary>The community's own blocklist (<c>/settings block-word</c>), besides the global one.</summary>
    public static string? CheckTenant(TenantSettings settings, CommandOptions options) => Blocked(settings.Blocklist, options);

    private static string? Blocked(IEnumerable<string> blocklist, CommandOptions options)
    {
        var text = $"{options.Prompt} {options.NegativePrompt} {options.Extra.GetValueOrDefault("search")} {options.Extra.GetValueOrDefault("select")}";
        var blocked = blocklist.FirstOrDefault(word => ContainsWord(text, word));
        return blocked is null ? null : "Your prompt contains a word this community has blocked. Please rephrase it.";
    }

    /// <summary>Whether <paramref name="word"/> occurs in <paramref name="text"/> with no letter or digit either side.</summary>
    internal static bool ContainsWord(string text, string word)
    {
        if (string.IsNullOrWhiteSpace(word))
        {
            return false;
        }

        var index = 0;
        while ((index = text.IndexOf(word, index, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var before = index == 0 || !char.IsLetterOrDigit(text[index - 1]);
            var end = index + word.Length;
            var after = end >= text.Length || !char.IsLetterOrDigit(text[end]);
            if (before && after)
            {
                return true;
            }

            index = end;
        }

        return false;
    }
}
