using ChatBot.Core.Catalog;
using ChatBot.Core.Replies;

namespace ChatBot.Core.Commands;

/// <summary>
/// Midjourney's result actions beyond Upscale and Vary: Vary (Strong) and (Subtle), Zoom Out, Pan and Same seed. What each
/// asks a provider for, and whether any model in the catalog can run it (a button is offered only then).
/// </summary>
internal static class ResultActions
{
    /// <summary>Image-to-image strength for Vary (Strong): far from the original (strength near 1 keeps little of it).</summary>
    public const double StrongStrength = 0.8;

    /// <summary>Image-to-image strength for Vary (Subtle): close to the original.</summary>
    public const double SubtleStrength = 0.35;

    /// <summary>The expansion parameters (pixels per side) a model must take for Zoom Out and Pan (ALwrity's outpaint, the local reframer).</summary>
    public static readonly IReadOnlyList<string> ExpansionParameters = ["left", "right", "up", "down"];

    /// <summary>The strength a Vary button asks for, or null for plain Vary.</summary>
    public static double? StrengthOf(ButtonAction action) => action switch
    {
        ButtonAction.VaryStrong => StrongStrength,
        ButtonAction.VarySubtle => SubtleStrength,
        _ => null,
    };

    /// <summary>The canvas a Zoom Out or Pan button asks for, or null for other buttons.</summary>
    public static OutpaintMargins? MarginsOf(ButtonAction action) => action switch
    {
        // Zoom Out k× makes the canvas k times as wide and high, the picture in the middle.
        ButtonAction.ZoomOut15 => new(0.25, 0.25, 0.25, 0.25),
        ButtonAction.ZoomOut2 => new(0.5, 0.5, 0.5, 0.5),
        // Pan adds half the picture on one side.
        ButtonAction.PanLeft => new(0.5, 0, 0, 0),
        ButtonAction.PanRight => new(0, 0.5, 0, 0),
        ButtonAction.PanUp => new(0, 0, 0.5, 0),
        ButtonAction.PanDown => new(0, 0, 0, 0.5),
        _ => null,
    };

    /// <summary>The margins in pixels for a picture of <paramref name="width"/>×<paramref name="height"/>: at least one pixel on each side asked for.</summary>
    public static (int Left, int Right, int Up, int Down) Pixels(OutpaintMargins margins, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(margins);
        static int Of(double fraction, int size) => fraction <= 0 ? 0 : Math.Max(1, (int)Math.Round(fraction * size));
        return (Of(margins.Left, width), Of(margins.Right, width), Of(margins.Up, height), Of(margins.Down, height));
    }

    /// <summary>Whether a model varies with a strength (Vary Strong / Subtle can run).</summary>
    public static bool TakesVaryStrength(ModelDefinition model) =>
        model.Supports(MediaOperation.Vary) && model.Accepts(ParameterNames.Strength, MediaOperation.Vary);

    /// <summary>Whether a model extends a canvas by pixels per side (Zoom Out and Pan can run).</summary>
    public static bool TakesExpansion(ModelDefinition model) =>
        model.Supports(MediaOperation.Reframe) && ExpansionParameters.All(p => model.Accepts(p, MediaOperation.Reframe, "reframe"));

    /// <summary>
    /// The models a result action must not be routed to, because they cannot take what it asks (a strength, the
    /// expansion): they join the community's disabled models for that job. Empty for other commands.
    /// </summary>
    public static IReadOnlyCollection<string> Unfit(ModelCatalog catalog, MediaOperation operation, CommandOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        Func<ModelDefinition, bool>? fit = operation switch
        {
            MediaOperation.Reframe when ExpansionParameters.Any(options.Extra.ContainsKey) => TakesExpansion,
            MediaOperation.Vary when options.Strength is not null => TakesVaryStrength,
            _ => null,
        };
        return fit is null ? [] : [.. catalog.For(operation).Where(m => !fit(m)).Select(m => m.Id)];
    }
}
