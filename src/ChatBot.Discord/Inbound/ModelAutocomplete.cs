using ChatBot.Core.Catalog;
using ChatBot.Discord.Rest.Models;

namespace ChatBot.Discord.Inbound;

/// <summary>
/// Autocomplete for a command's model option: the catalog's models for that command's operation that can run now
/// (their provider is configured), so a member is never offered a model that would not run.
/// </summary>
internal static class ModelAutocomplete
{
    private const int MaxChoices = 25;
    private const int MaxLabelLength = 100;

    public static List<AutocompleteChoice> Choices(ModelCatalog catalog, InteractionData? data, Func<ModelDefinition, bool>? canRun = null)
    {
        var focused = Focused(data?.Options);
        var typed = focused?.Value is { ValueKind: JsonValueKind.String } v ? v.GetString() ?? "" : "";
        IEnumerable<ModelDefinition> models = data?.Name switch
        {
            "imagine" => catalog.For(MediaOperation.Imagine),
            "edit" => catalog.Models.Where(m => m.Operations.Any(o => o is MediaOperation.Edit or MediaOperation.Inpaint or MediaOperation.Reframe or MediaOperation.RemoveBackground)),
            "video" => catalog.Models.Where(m => m.Operations.Any(o => o is MediaOperation.Video or MediaOperation.LipSync or MediaOperation.Storyboard or MediaOperation.VideoRemoveBackground)),
            "upscale" => catalog.Models.Where(m => m.Operations.Any(o => o is MediaOperation.Upscale or MediaOperation.Enhance)),
            _ => catalog.Models,
        };
        return models
            .Where(m => canRun?.Invoke(m) ?? true)
            .Where(m => typed.Length == 0 || m.Id.Contains(typed, StringComparison.OrdinalIgnoreCase) || m.DisplayName.Contains(typed, StringComparison.OrdinalIgnoreCase))
            .Take(MaxChoices)
            .Select(m => new AutocompleteChoice(Label(m), m.Id))
            .ToList();
    }

    private static InteractionOption? Focused(IReadOnlyList<InteractionOption>? options)
    {
        foreach (var option in options ?? [])
        {
            if (option.Focused == true)
            {
                return option;
            }

            if (Focused(option.Options) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    private static string Label(ModelDefinition model)
    {
        var label = model.DisplayName.Length > 0 ? $"{model.DisplayName} ({model.Id})" : model.Id;
        return label.Length <= MaxLabelLength ? label : label[..MaxLabelLength];
    }
}
