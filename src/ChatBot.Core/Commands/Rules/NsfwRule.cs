using ChatBot.Core.Catalog;

namespace ChatBot.Core.Commands.Rules;

/// <summary>
/// Adult content only where the channel is age-restricted (Discord's NSFW channels; never a direct message, never
/// Slack): a parameter value the catalog marks <c>nsfw</c> (Grok's <c>--mode spicy</c>) is refused elsewhere before
/// anything is reserved. Providers with a filter of their own (Blackwave) keep it on outside such channels.
/// </summary>
internal static class NsfwRule
{
    public static string? Check(ModelDefinition model, MediaOperation operation, CommandOptions options, Conversation conversation)
    {
        if (conversation.IsNsfw)
        {
            return null;
        }

        (string Name, string? Value)[] named =
        [
            (ParameterNames.Mode, options.Mode), (ParameterNames.Style, options.Style), (ParameterNames.Template, options.Template),
            (ParameterNames.Resolution, options.Resolution), (ParameterNames.AspectRatio, options.AspectRatio),
        ];
        foreach (var (name, value) in options.Extra.Select(e => (e.Key, (string?)e.Value)).Concat(named))
        {
            if (value is not null
                && model.Parameters.TryGetValue(name, out var parameter)
                && parameter.AppliesTo(operation, options.Mode)
                && parameter.Nsfw.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                return $"`--{name} {value}` is for age-restricted channels only. Try it in a channel marked NSFW (age-restricted), or pick another {name}.";
            }
        }

        return null;
    }
}
