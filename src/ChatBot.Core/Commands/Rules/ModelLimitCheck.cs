using ChatBot.Core.Catalog;
using ChatBot.Core.Providers;

namespace ChatBot.Core.Commands.Rules;

/// <summary>
/// Whether a command fits the routed model's documented counts (images in, outputs, prompt length), checked
/// before any credit is reserved; the values of its options are <see cref="ParameterCheck"/>'s.
/// </summary>
internal static class ModelLimitCheck
{
    /// <summary>Why the model cannot take the command, or null when it can.</summary>
    public static string? Check(ModelDefinition model, MediaOperation operation, CommandOptions options, IReadOnlyList<MediaRef> inputs)
    {
        if (inputs.FirstOrDefault(i => !Uses(operation, i.Role)) is { } unused)
        {
            return $"{RoleName(unused.Role)} is not used for {ProviderRouter.Describe(operation)}; send the command without it.";
        }

        if (operation is MediaOperation.VideoRemoveBackground or MediaOperation.LipSync or MediaOperation.VideoUpscale)
        {
            // What each attachment is becomes known only from its bytes, after the checks below.
            return inputs.Count == 0
                ? operation switch
                {
                    MediaOperation.LipSync => "Lip sync needs an image of a face and an audio file.",
                    MediaOperation.VideoUpscale => "Attach the video (MP4 or WebM) to upscale, or use the Upscale button under a video result.",
                    _ => "Attach the video (MP4 or WebM) to remove its background.",
                }
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

        if (inputs.Any(i => i.Role == MediaRole.LastFrame) && !(limits.TakesLastFrame && operation == MediaOperation.Video))
        {
            return $"{Name(model)} doesn't take a last frame; the Seedance video models do (for example `--model seedance-lite-i2v`).";
        }

        if (operation == MediaOperation.Inpaint && !inputs.Any(i => i.Role == MediaRole.Mask))
        {
            return "Inpainting needs a mask: attach it as the mask (transparent or white where the image should change).";
        }

        return images > limits.MaxInputImages
            ? limits.MaxInputImages == 0
                ? $"{Name(model)} doesn't take images for this; send the command without an attachment, or pick a model that does (`/models`)."
                : $"{Name(model)} takes at most {limits.MaxInputImages} image(s); you gave {images}."
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

        return o.Prompt is { } p && limits.MaxPromptLength is { } max && p.Length > max
            ? $"{name} takes prompts of at most {max} characters; yours has {p.Length}."
            : null;
    }

    /// <summary>Whether an operation reads an input in this role (a mask is for image edits, an end frame for video, audio for lip sync and video).</summary>
    private static bool Uses(MediaOperation operation, MediaRole role) => role switch
    {
        MediaRole.LastFrame => operation == MediaOperation.Video,
        MediaRole.Audio => operation is MediaOperation.Video or MediaOperation.LipSync,
        MediaRole.Mask => operation is not (MediaOperation.Imagine or MediaOperation.AlbumArt or MediaOperation.Upscale or MediaOperation.Enhance or MediaOperation.Vary
            or MediaOperation.Video or MediaOperation.LipSync or MediaOperation.Storyboard or MediaOperation.VideoRemoveBackground),
        _ => true,
    };

    private static string RoleName(MediaRole role) => role switch
    {
        MediaRole.LastFrame => "An end frame",
        MediaRole.Audio => "An audio file",
        _ => "A mask",
    };

    private static string Name(ModelDefinition model) => $"`{model.Id}`";
}
