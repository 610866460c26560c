using ChatBot.Core.Catalog;
using ChatBot.Core.Tenants;

namespace ChatBot.Core.Commands.Rules;

/// <summary>
/// Fills what a command left unset from the member's own defaults. A default never overrides a flag, and never makes a
/// command fail: a model that cannot run the operation is skipped, and values the routed model does not take are
/// dropped later (<see cref="ParameterCheck"/> drops what the member did not type) or capped to its limits.
/// </summary>
internal static class MemberDefaultsRule
{
    /// <summary>The model to ask the router for: the command's, else the member's default when it runs this operation.</summary>
    public static string? Model(CommandOptions options, MemberDefaults defaults, MediaOperation operation, ModelCatalog catalog) =>
        options.Model ?? (defaults.Model is { } id && catalog.Find(id) is { } model && model.Supports(operation) ? model.Id : null);

    /// <summary>Aspect ratio and count from the defaults, for commands that create (imagine, video) and left them unset.</summary>
    public static CommandOptions Apply(CommandKind kind, CommandOptions options, MemberDefaults defaults, ModelDefinition model)
    {
        if (kind is not (CommandKind.Imagine or CommandKind.Video))
        {
            return options;
        }

        var count = options.Count ?? (kind == CommandKind.Imagine ? defaults.Count : null);
        if (options.Count is null && count is { } n)
        {
            count = Math.Min(n, model.Limits.MaxCount);
        }

        return options with { AspectRatio = options.AspectRatio ?? defaults.AspectRatio, Count = count };
    }
}
