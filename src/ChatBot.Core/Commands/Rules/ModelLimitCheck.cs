using ChatBot.Core.Catalog;
using ChatBot.Core.Model;

namespace ChatBot.Core.Commands.Rules;

/// <summary>
/// Whether a command fits the routed model's documented limits (images in, outputs, aspect ratio,
/// resolution, duration, upscale factor, prompt length, negative prompt), checked before any credit is reserved.
/// </summary>
internal static class ModelLimitCheck
{
    /// <summary>Why the model cannot take the command, or null when it can.</summary>
    public static string? Check(ModelDefinition model, MediaOperation operation, CommandOptions options, IReadOnlyList<MediaRef> inputs)
    {
        if (operation is MediaOperation.VideoRemoveBackground or MediaOperation.LipSync)
        {
            // What each attachment is becomes known only from its bytes, after the checks below.
            return inputs.Count == 0
                ? operation == MediaOperation.LipSync
                    ? "Lip sync needs an image of a face and an audio file."
                    : "Attach the video (MP4 or WebM) to remove its background."
                : null;
        }

        return CheckInputs(model, operation, inputs) ?? CheckOptions(model, options);
    }

    private static string? CheckInputs(ModelDefinition model, MediaOperation operation, IReadOnlyList<MediaRef> inputs)
    {
        var limits = model.Limits;
        var images = inputs.Count(i => i.Role is MediaRole.Image or MediaRole.Reference);
        if (images == 0 && (limits.RequiresImage || OperationResolver.NeedsImage(operation)))
        {
            return operation switch
            {
                MediaOperation.Upscale => "Attach the image to upscale (or use the Upscale button under a result).",
                MediaOperation.LipSync => "Lip sync needs an image of a face and an audio file.",
                _ => $"{Name(model)} needs an image: attach one (or use the buttons under a result).",
            };
        }

        if (operation == MediaOperation.Inpaint && !inputs.Any(i => i.Role == MediaRole.Mask))
        {
            return "Inpainting needs a mask: attach it as the mask (transparent or white where the image should change).";
        }

        return images > Math.Max(1, limits.MaxInputImages)
            ? $"{Name(model)} takes at most {limits.MaxInputImages} image(s); you gave {images}."
            : null;
    }

    private static string? CheckOptions(ModelDefinition model, CommandOptions o)
    {
        var limits = model.Limits;
        var name = Name(model);
        if (o.Count is { } count && count > limits.MaxCount)
        {
            return $"{name} makes at most {limits.MaxCount} image(s) at once; you asked for {count}.";
        }

        if (o.AspectRatio is { } ar && limits.AspectRatios.Count > 0 && !limits.AspectRatios.Contains(ar, StringComparer.Ordinal))
        {
            return $"{name} doesn't do aspect ratio {ar}. It does: {string.Join(", ", limits.AspectRatios)}.";
        }

        if (o.Resolution is { } res && limits.Resolutions.Count > 0 && !limits.Resolutions.Contains(res, StringComparer.OrdinalIgnoreCase))
        {
            return $"{name} doesn't do resolution {res}. It does: {string.Join(", ", limits.Resolutions)}.";
        }

        if (o.DurationSeconds is { } d && limits.Durations.Count > 0 && !limits.Durations.Contains(d))
        {
            return $"{name} makes videos of {string.Join(", ", limits.Durations)} seconds, not {d}.";
        }

        if (o.UpscaleFactor is { } f && limits.UpscaleFactors.Count > 0 && !limits.UpscaleFactors.Contains(f))
        {
            return $"{name} upscales by {string.Join(" or ", limits.UpscaleFactors.Select(x => $"{x}×"))}, not {f}×.";
        }

        if (o.Prompt is { } p && limits.MaxPromptLength is { } max && p.Length > max)
        {
            return $"{name} takes prompts of at most {max} characters; yours has {p.Length}.";
        }

        return !string.IsNullOrEmpty(o.NegativePrompt) && !limits.SupportsNegativePrompt
            ? $"{name} doesn't take a negative prompt (`--no`)."
            : null;
    }

    private static string Name(ModelDefinition model) => $"`{model.Id}`";
}
