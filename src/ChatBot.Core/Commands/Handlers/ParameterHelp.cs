using ChatBot.Core.Catalog;
using ChatBot.Core.Commands.Rules;
using ChatBot.Core.Credits;
using ChatBot.Core.Providers;

namespace ChatBot.Core.Commands.Handlers;

/// <summary>The catalog's parameters as members read them: <c>/models &lt;id&gt;</c> and <c>/help &lt;command&gt;</c>.</summary>
internal static class ParameterHelp
{
    private const int ModelsNamed = 4;

    /// <summary>One model: what it does, its price, its counts and every option with its allowed values.</summary>
    public static string ForModel(ModelDefinition model, string providerName)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**`{model.Id}`** — {(model.DisplayName.Length > 0 ? model.DisplayName : model.Id)} on {providerName}\n");
        if (model.Description.Length > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"_{model.Description}_\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"Does: {string.Join(", ", model.Operations.Select(ProviderRouter.Describe))} · Price: {CreditText.Price(model.Price)}\n");
        text.Append(CultureInfo.InvariantCulture, $"Makes up to {model.Limits.MaxCount} at once (`--n`) · takes {Images(model.Limits.MaxInputImages)}\n");
        var options = ParameterCheck.Describe(model).ToList();
        text.Append(options.Count == 0 ? "Options: none — any other flag is refused." : $"Options (any other flag is refused):\n{string.Join("\n", options)}");
        return text.ToString();
    }

    /// <summary>The options a media command can carry, and which models take each one.</summary>
    public static string ForCommand(CommandKind kind, ModelCatalog catalog)
    {
        var operations = Operations(kind);
        var usage = HelpCommandHandler.HelpText.Split('\n').FirstOrDefault(l => l.StartsWith($"`/{kind.ToString().ToLowerInvariant()}", StringComparison.Ordinal))
            ?? $"`/{kind.ToString().ToLowerInvariant()}`";
        var byName = catalog.Models
            .Where(m => operations.Any(m.Supports))
            .SelectMany(m => m.Parameters.Where(p => operations.Any(o => p.Value.Operations.Count == 0 || p.Value.Operations.Contains(o))).Select(p => (Name: p.Key, Model: m.Id, Parameter: p.Value)))
            .GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count())
            .ToList();
        var text = new StringBuilder(usage).Append("\nOptions, and the models that take them (each model has its own values: `/models <id>`):\n");
        foreach (var group in byName)
        {
            var models = group.Select(p => $"`{p.Model}`").Distinct(StringComparer.Ordinal).ToList();
            var more = models.Count > ModelsNamed ? $" and {models.Count - ModelsNamed} more" : "";
            text.Append(CultureInfo.InvariantCulture, $"`--{group.Key}` {Values(group.Select(p => p.Parameter))} — {string.Join(", ", models.Take(ModelsNamed))}{more}\n");
        }

        return text.ToString().TrimEnd();
    }

    public static IReadOnlyList<MediaOperation> Operations(CommandKind kind) => kind switch
    {
        CommandKind.Imagine => [MediaOperation.Imagine, MediaOperation.AlbumArt],
        CommandKind.Edit => [MediaOperation.Edit, MediaOperation.Inpaint, MediaOperation.Reframe, MediaOperation.RemoveBackground, MediaOperation.Control, MediaOperation.Social, MediaOperation.SearchReplace, MediaOperation.Recolor],
        CommandKind.Video or CommandKind.Animate => [MediaOperation.Video, MediaOperation.LipSync, MediaOperation.Storyboard, MediaOperation.VideoRemoveBackground],
        CommandKind.Upscale => [MediaOperation.Upscale, MediaOperation.Enhance, MediaOperation.VideoUpscale],
        CommandKind.Vary => [MediaOperation.Vary],
        _ => [],
    };

    /// <summary>The values a flag takes across models: every listed value, or each model's range.</summary>
    private static string Values(IEnumerable<ModelParameter> parameters)
    {
        var all = parameters.ToList();
        if (all.All(p => p.Values.Count > 0))
        {
            var values = all.SelectMany(p => p.Values).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            return values.Count <= 12 ? string.Join(", ", values) : $"{string.Join(", ", values.Take(12))}, …";
        }

        var described = all.Select(p => p.Describe()).Distinct(StringComparer.Ordinal).ToList();
        return described.Count <= 3 ? string.Join("; ", described) : $"{string.Join("; ", described.Take(3))}; …";
    }

    private static string Images(int count) => count switch
    {
        0 => "no images",
        1 => "1 image",
        _ => $"up to {count} images",
    };
}
