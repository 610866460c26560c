using ChatBot.Core.Catalog;
using ChatBot.Core.Commands;

namespace ChatBot.Core.Replies;

/// <summary>
/// Midjourney's buttons under a single image (an upscale, or a one-image result): Vary (Strong) and (Subtle) where a
/// model varies with a strength, Zoom Out and Pan where one extends a canvas by pixels; Same seed under any result
/// whose seed is known. Each is offered only when the catalog has a model that can run it.
/// </summary>
internal static class MoreResultButtons
{
    private static readonly (ButtonAction Action, string Label)[] Vary = [(ButtonAction.VaryStrong, "Vary (Strong)"), (ButtonAction.VarySubtle, "Vary (Subtle)")];

    private static readonly (ButtonAction Action, string Label)[] Reframe =
    [
        (ButtonAction.ZoomOut15, "Zoom Out 1.5×"),
        (ButtonAction.ZoomOut2, "Zoom Out 2×"),
        (ButtonAction.PanLeft, "⬅️"),
        (ButtonAction.PanRight, "➡️"),
        (ButtonAction.PanUp, "⬆️"),
        (ButtonAction.PanDown, "⬇️"),
    ];

    /// <param name="canRun">Whether a model can run now (configured, available); null: every model in the catalog.</param>
    public static IEnumerable<ReplyButton> For(string jobId, int images, int videos, ModelCatalog catalog, long? seed, Func<ModelDefinition, bool>? canRun = null)
    {
        bool Runs(ModelDefinition m) => canRun?.Invoke(m) ?? true;
        var buttons = new List<ReplyButton>();
        if (images == 1 && videos == 0)
        {
            if (catalog.Models.Any(m => ResultActions.TakesVaryStrength(m) && Runs(m)))
            {
                buttons.AddRange(Vary.Select(b => new ReplyButton(ButtonId.Encode(b.Action, jobId, 0), b.Label, b.Action, jobId, 0)));
            }

            if (catalog.Models.Any(m => ResultActions.TakesExpansion(m) && Runs(m)))
            {
                buttons.AddRange(Reframe.Select(b => new ReplyButton(ButtonId.Encode(b.Action, jobId, 0), b.Label, b.Action, jobId, 0)));
            }
        }

        if (seed is not null && images > 0)
        {
            buttons.Add(new ReplyButton(ButtonId.Encode(ButtonAction.SameSeed, jobId), "Same seed", ButtonAction.SameSeed, jobId));
        }

        return buttons;
    }
}
