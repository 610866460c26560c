using ChatBot.Core.Media;

namespace ChatBot.Providers.ImageStudio;

/// <summary>Builds ALwrity Image Studio's request bodies (document 001): one per operation, plus the cost estimate.</summary>
internal static class ImageStudioRequests
{
    public const string Root = "api/image-studio/";

    private static readonly string[] DefaultPlatforms = ["instagram", "facebook", "linkedin"];

    /// <summary>The endpoint and body for the job, and the operation name its cost estimate uses.</summary>
    public static async Task<(ProviderPost Post, string Estimate)> BuildAsync(MediaRequest request, CancellationToken cancellationToken)
    {
        var o = request.Options;
        var (provider, model) = ProviderAndModel(request.Model);
        var image = request.FirstInput(MediaRole.Image);
        switch (request.Operation)
        {
            case MediaOperation.Imagine:
                return (ProviderPost.JsonBody(Root + "create", new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["prompt"] = o.Prompt,
                    ["template_id"] = o.Template,
                    ["provider"] = provider,
                    ["model"] = model,
                    ["width"] = o.Integer("width"),
                    ["height"] = o.Integer("height"),
                    ["aspect_ratio"] = o.AspectRatio,
                    ["style_preset"] = o.Style,
                    ["quality"] = request.Value("quality", o.Text("quality")),
                    ["negative_prompt"] = o.NegativePrompt,
                    ["guidance_scale"] = o.Number("guidance", "cfg", "guidance_scale"),
                    ["steps"] = o.Integer("steps"),
                    ["seed"] = o.Seed,
                    ["num_variations"] = o.Count,
                    ["enhance_prompt"] = o.Flag("enhance", "expand", "enhance_prompt"),
                    ["use_persona"] = o.Text("persona") is null ? null : true,
                    ["persona_id"] = o.Text("persona"),
                }), "generate");

            case MediaOperation.Edit or MediaOperation.Inpaint or MediaOperation.Reframe or MediaOperation.RemoveBackground
                or MediaOperation.SearchReplace or MediaOperation.Recolor:
            {
                var source = Require(image);
                // Each /edit mode is one of the document's edit operations (search-replace and recolor have modes of
                // their own; the older --op flag still picks them on plain edit).
                var operation = EditOperation(request.Operation, o.Text("op", "operation") ?? o.Mode);
                var body = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["image_base64"] = await ProviderInputs.DataUrlAsync(source, cancellationToken).ConfigureAwait(false),
                    ["operation"] = operation,
                    ["prompt"] = o.Prompt,
                    ["negative_prompt"] = o.NegativePrompt,
                    ["mask_base64"] = request.FirstInput(MediaRole.Mask) is { } mask ? await ProviderInputs.DataUrlAsync(mask, cancellationToken).ConfigureAwait(false) : null,
                    ["search_prompt"] = o.Text("search"),
                    ["select_prompt"] = o.Text("select"),
                    ["background_image_base64"] = o.Text("reference") == "background" && request.FirstInput(MediaRole.Reference) is { } bg ? await ProviderInputs.DataUrlAsync(bg, cancellationToken).ConfigureAwait(false) : null,
                    ["lighting_image_base64"] = o.Text("reference") == "lighting" && request.FirstInput(MediaRole.Reference) is { } light ? await ProviderInputs.DataUrlAsync(light, cancellationToken).ConfigureAwait(false) : null,
                    ["provider"] = provider == "auto" ? null : provider,
                    ["model"] = model,
                    ["style_preset"] = o.Style,
                    ["guidance_scale"] = o.Number("guidance", "cfg", "guidance_scale"),
                    ["steps"] = o.Integer("steps"),
                    ["seed"] = o.Seed,
                    ["output_format"] = o.Text("format") ?? "png",
                    ["options"] = EditOptions(o.Text("options")),
                };
                if (operation == "outpaint")
                {
                    var (left, right, up, down) = Expansion(o, source.Media);
                    body["expand_left"] = left;
                    body["expand_right"] = right;
                    body["expand_up"] = up;
                    body["expand_down"] = down;
                }

                return (ProviderPost.JsonBody(Root + "edit/process", body), "edit");
            }

            case MediaOperation.Upscale:
            {
                var source = Require(image);
                var factor = o.UpscaleFactor;
                return (ProviderPost.JsonBody(Root + "upscale", new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["image_base64"] = await ProviderInputs.DataUrlAsync(source, cancellationToken).ConfigureAwait(false),
                    ["mode"] = (o.Text("mode") ?? UpscaleMode(o.Mode) ?? "auto").ToLowerInvariant(),
                    ["target_width"] = o.Integer("width") ?? (factor is { } f && source.Media.Width is { } w ? w * f : null),
                    ["target_height"] = o.Integer("height") ?? (factor is { } g && source.Media.Height is { } h ? h * g : null),
                    ["preset"] = o.Text("preset"),
                    ["prompt"] = o.Prompt,
                }), "upscale");
            }

            case MediaOperation.Control:
            {
                var operation = ControlOperation(o.Mode);
                var strength = o.Strength;
                return (ProviderPost.JsonBody(Root + "control/process", new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["control_image_base64"] = await ProviderInputs.DataUrlAsync(Require(image), cancellationToken).ConfigureAwait(false),
                    ["operation"] = operation,
                    ["prompt"] = o.Prompt,
                    ["style_image_base64"] = request.FirstInput(MediaRole.Reference) is { } style ? await ProviderInputs.DataUrlAsync(style, cancellationToken).ConfigureAwait(false) : null,
                    ["negative_prompt"] = o.NegativePrompt,
                    // --strength means the strength that fits the operation.
                    ["control_strength"] = operation is "sketch" or "structure" ? strength : null,
                    ["fidelity"] = operation == "style" ? strength : null,
                    ["style_strength"] = operation == "style_transfer" ? strength : null,
                    // style_transfer only: the catalog lists them for --mode style-transfer alone.
                    ["composition_fidelity"] = operation == "style_transfer" ? o.Number("composition") : null,
                    ["change_strength"] = operation == "style_transfer" ? o.Number("change") : null,
                    ["aspect_ratio"] = operation == "style" ? o.AspectRatio : null,
                    ["style_preset"] = o.Style,
                    ["seed"] = o.Seed,
                    ["output_format"] = o.Text("format") ?? "png",
                }), "control");
            }

            case MediaOperation.Social:
            {
                var platforms = o.Text("platforms", "platform")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => p.ToLowerInvariant()).ToArray()
                    ?? DefaultPlatforms;
                return (ProviderPost.JsonBody(Root + "social/optimize", new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["image_base64"] = await ProviderInputs.DataUrlAsync(Require(image), cancellationToken).ConfigureAwait(false),
                    ["platforms"] = platforms,
                    ["format_names"] = FormatNames(o.Text("formats", "format_names")),
                    ["focal_point"] = FocalPoint(o.Text("focus", "focal_point")),
                    ["show_safe_zones"] = o.Flag("safe-zones", "safe_zones"),
                    ["crop_mode"] = request.Value("crop", o.Text("crop")),
                    ["output_format"] = o.Text("format") ?? "png",
                }), "social");
            }

            default:
                throw new ProviderException("unsupported_operation", $"ALwrity Image Studio does not do {request.Operation}.");
        }
    }

    /// <summary><c>POST estimate-cost</c>, the estimate the document recommends before each run.</summary>
    public static ProviderPost Estimate(MediaRequest request, string operation)
    {
        var (provider, model) = ProviderAndModel(request.Model);
        return ProviderPost.JsonBody(Root + "estimate-cost", new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["provider"] = provider,
            ["model"] = model,
            ["operation"] = operation,
            ["num_images"] = request.Operation == MediaOperation.Imagine ? request.Options.Count ?? 1 : 1,
            ["width"] = request.Options.Integer("width"),
            ["height"] = request.Options.Integer("height"),
        });
    }

    /// <summary>
    /// The catalog names Image Studio's own provider in the model's <c>provider</c> setting (stability,
    /// wavespeed, huggingface, gemini); the wire model "auto" lets Image Studio choose both.
    /// </summary>
    public static (string Provider, string? Model) ProviderAndModel(ModelDefinition model)
    {
        var provider = model.Settings.TryGetValue("provider", out var p) && p.Length > 0 ? p : "auto";
        var wire = model.WireModel.Equals("auto", StringComparison.OrdinalIgnoreCase) ? null : model.WireModel;
        return (provider, wire);
    }

    /// <summary>Edit modes of the bot (kebab-case) onto the document's edit operations.</summary>
    internal static string EditOperation(MediaOperation operation, string? mode) => operation switch
    {
        MediaOperation.Inpaint => "inpaint",
        MediaOperation.Reframe => "outpaint",
        MediaOperation.RemoveBackground => "remove_background",
        MediaOperation.SearchReplace => "search_replace",
        MediaOperation.Recolor => "search_recolor",
        _ => mode?.ToLowerInvariant().Replace('-', '_') switch
        {
            "inpaint" => "inpaint",
            "outpaint" or "reframe" => "outpaint",
            "remove_background" or "remove_bg" => "remove_background",
            "search_replace" or "replace" => "search_replace",
            "search_recolor" or "recolor" => "search_recolor",
            _ => "general_edit",
        },
    };

    private static string ControlOperation(string? mode) => mode?.ToLowerInvariant().Replace('-', '_') switch
    {
        "structure" => "structure",
        "style" => "style",
        "style_transfer" or "transfer" => "style_transfer",
        _ => "sketch",
    };

    private static string? UpscaleMode(string? mode) => mode?.ToLowerInvariant() is "fast" or "conservative" or "creative" or "auto" ? mode : null;

    /// <summary>
    /// Outpaint expansions: explicit <c>--left/--right/--up/--down</c> pixels, else what the image needs to reach
    /// the requested aspect ratio, split evenly on both sides.
    /// </summary>
    internal static (int Left, int Right, int Up, int Down) Expansion(CommandOptions options, StoredMedia image)
    {
        var explicitValues = (options.Integer("left") ?? 0, options.Integer("right") ?? 0, options.Integer("up") ?? 0, options.Integer("down") ?? 0);
        if (explicitValues != (0, 0, 0, 0))
        {
            return explicitValues;
        }

        if (OptionExtras.Ratio(options.AspectRatio) is not { } ratio || image.Width is not { } w || image.Height is not { } h)
        {
            throw new ProviderException("reframe_needs_target", "Say how to extend the image: --ar 16:9, or --left/--right/--up/--down in pixels.");
        }

        var target = (double)ratio.Width / ratio.Height;
        if ((double)w / h < target)
        {
            var extra = (int)Math.Round((h * target) - w);
            return (extra / 2, extra - (extra / 2), 0, 0);
        }

        var more = (int)Math.Round((w / target) - h);
        return (0, 0, more / 2, more - (more / 2));
    }

    /// <summary>"instagram=Story; facebook=Feed Post" → {"instagram": "Story", "facebook": "Feed Post"}.</summary>
    internal static Dictionary<string, string>? FormatNames(string? text)
    {
        var names = (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2 && pair[0].Length > 0 && pair[1].Length > 0)
            .ToDictionary(pair => pair[0].ToLowerInvariant(), pair => pair[1], StringComparer.Ordinal);
        return names.Count > 0 ? names : null;
    }

    /// <summary>
    /// The edit's "advanced provider-specific options" object from <c>--options "key=value; other=2"</c>: numbers
    /// and true/false go as JSON numbers and booleans, anything else as text; null when none is given.
    /// </summary>
    internal static Dictionary<string, object>? EditOptions(string? text) =>
        FormatNames(text)?.ToDictionary(
            pair => pair.Key,
            pair => double.TryParse(pair.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number
                : bool.TryParse(pair.Value, out var flag) ? flag
                : (object)pair.Value,
            StringComparer.Ordinal);

    /// <summary>"0.3,0.6" → {"x": 0.3, "y": 0.6} (fractions of the width and height).</summary>
    internal static Dictionary<string, double>? FocalPoint(string? text)
    {
        var parts = (text ?? "").Split(',', StringSplitOptions.TrimEntries);
        return parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
            && x is >= 0 and <= 1 && y is >= 0 and <= 1
            ? new Dictionary<string, double>(StringComparer.Ordinal) { ["x"] = x, ["y"] = y }
            : null;
    }

    private static MediaInput Require(MediaInput? input) =>
        input ?? throw new ProviderException("input_required", "This needs an image.");
}
