using System.Globalization;
using ChatBot.Core.Catalog;
using ChatBot.Core.Model;
using ChatBot.Core.Providers;
using ChatBot.Providers.Http;

namespace ChatBot.Providers.AetherWave;

/// <summary>Builds the request body of each AetherWave operation (documents 000 and 003), field by field as documented.</summary>
internal static class AetherWaveRequests
{
    /// <summary>The Image Studio endpoint and body for an image operation.</summary>
    public static async Task<ProviderPost> ImageAsync(MediaRequest request, CancellationToken cancellationToken)
    {
        var o = request.Options;
        var image = request.FirstInput(MediaRole.Image);
        switch (request.Operation)
        {
            case MediaOperation.Imagine:
            case MediaOperation.Vary:
            {
                // I2I goes through referenceImages of generate-image (Grok, Flux): the image being varied comes first.
                var references = await DataUrlsAsync(request.Inputs.Where(i => i.Role is MediaRole.Image or MediaRole.Reference), cancellationToken).ConfigureAwait(false);
                return ProviderPost.JsonBody("api/generate-image", new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["prompt"] = o.Prompt ?? (request.Operation == MediaOperation.Vary ? "A variation of this image" : null),
                    ["model"] = request.Model.WireModel,
                    ["aspectRatio"] = o.AspectRatio,
                    ["resolution"] = o.Resolution,
                    ["imageSize"] = o.Text("imageSize", "image-size"),
                    ["maxImages"] = o.Count,
                    ["negative_prompt"] = o.NegativePrompt,
                    ["seed"] = o.Seed,
                    ["outputFormat"] = o.Text("outputFormat", "format"),
                    ["enablePromptExpansion"] = o.Flag("enablePromptExpansion", "expand"),
                    ["referenceImages"] = references.Count > 0 ? references : null,
                });
            }

            case MediaOperation.Edit:
            {
                var images = request.Inputs.Where(i => i.Role is MediaRole.Image or MediaRole.Reference).ToList();
                var files = new List<ProviderFile>();
                foreach (var input in images)
                {
                    // One file goes as "image"; several (Seedream batch, up to 10) as "images".
                    files.Add(ProviderFile.From(images.Count == 1 ? "image" : "images", await ProviderInputs.ReadAsync(input, cancellationToken).ConfigureAwait(false), input));
                }

                return ProviderPost.Multipart("api/edit-image", files, ("prompt", o.Prompt), ("model", request.Model.WireModel));
            }

            case MediaOperation.Inpaint:
            {
                var mask = request.FirstInput(MediaRole.Mask) ?? throw new ProviderException("mask_required", "Inpainting needs a mask image (transparent where the picture should change).");
                var references = await DataUrlsAsync(request.Inputs.Where(i => i.Role == MediaRole.Reference).Take(16), cancellationToken).ConfigureAwait(false);

                // The document's mask convention (transparent = edit) is the bot's own, so the mask goes as is.
                return ProviderPost.JsonBody("api/inpaint-image", new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["image"] = await ProviderInputs.DataUrlAsync(Require(image, "Inpainting"), cancellationToken).ConfigureAwait(false),
                    ["mask"] = await ProviderInputs.DataUrlAsync(mask, cancellationToken).ConfigureAwait(false),
                    ["prompt"] = o.Prompt,
                    ["quality"] = (o.Text("quality") ?? "medium").ToLowerInvariant(),
                    ["referenceImages"] = references.Count > 0 ? references : null,
                });
            }

            case MediaOperation.Reframe:
                return ProviderPost.JsonBody("api/reframe-image", new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["image"] = await ProviderInputs.DataUrlAsync(Require(image, "Reframing"), cancellationToken).ConfigureAwait(false),
                    ["aspectRatio"] = o.AspectRatio ?? "16:9",
                    ["rendering_speed"] = (o.Text("rendering_speed", "speed") ?? "BALANCED").ToUpperInvariant(),
                });

            case MediaOperation.Upscale:
            {
                var source = Require(image, "Upscaling");
                var bytes = await ProviderInputs.ReadAsync(source, cancellationToken).ConfigureAwait(false);
                return ProviderPost.Multipart("api/upscale-image", [ProviderFile.From("image", bytes, source)], ("upscaleFactor", $"{o.UpscaleFactor ?? 2}x"));
            }

            case MediaOperation.RemoveBackground:
            case MediaOperation.Enhance:
            {
                // The document shows remove-background as a multipart "image" upload; enhance-image has no
                // request shape of its own, so it is read the same way.
                var source = Require(image, "This operation");
                var bytes = await ProviderInputs.ReadAsync(source, cancellationToken).ConfigureAwait(false);
                var path = request.Operation == MediaOperation.Enhance ? "api/enhance-image" : "api/remove-background";
                return ProviderPost.Multipart(path, [ProviderFile.From("image", bytes, source)]);
            }

            case MediaOperation.AlbumArt:
                return ProviderPost.JsonBody("api/generate-art", new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["prompt"] = o.Prompt,
                    ["style"] = o.Style?.ToLowerInvariant(),
                    ["aspectRatio"] = o.AspectRatio,
                });

            default:
                throw new ProviderException("unsupported_operation", $"AetherWave does not do {request.Operation}.");
        }
    }

    /// <summary><c>POST /api/generate-video</c> for video, lip-sync and storyboard.</summary>
    public static async Task<ProviderPost> VideoAsync(MediaRequest request, CancellationToken cancellationToken)
    {
        var o = request.Options;
        var model = request.Model.WireModel;
        var image = request.FirstInput(MediaRole.Image);
        if (image is not null && model.EndsWith("-t2v", StringComparison.Ordinal))
        {
            // The backend switches a T2V model to its I2V variant when an image is given; the bot asks for the
            // I2V model itself so the reply and the price name the model that really runs.
            model = model[..^4] + "-i2v";
        }

        var kling = model.StartsWith("kling", StringComparison.OrdinalIgnoreCase);
        return ProviderPost.JsonBody("api/generate-video", new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["model"] = model,
            ["prompt"] = request.Operation == MediaOperation.Storyboard ? null : o.Prompt,
            ["duration"] = o.DurationSeconds?.ToString(CultureInfo.InvariantCulture),
            ["aspectRatio"] = o.AspectRatio,
            ["resolution"] = o.Resolution,
            ["imageData"] = await ProviderInputs.DataUrlOrNullAsync(image, cancellationToken).ConfigureAwait(false),
            ["endImageData"] = await ProviderInputs.DataUrlOrNullAsync(request.FirstInput(MediaRole.LastFrame), cancellationToken).ConfigureAwait(false),
            ["audioData"] = await ProviderInputs.DataUrlOrNullAsync(request.FirstInput(MediaRole.Audio), cancellationToken).ConfigureAwait(false),
            ["audioDuration"] = o.Number("audioDuration", "audio-duration"),
            // Kling models only; the document says others ignore them, so they are not sent elsewhere.
            ["negativePrompt"] = kling ? o.NegativePrompt : null,
            ["cfgScale"] = kling ? o.Number("cfg", "cfgScale") : null,
            ["withAudio"] = kling ? o.Flag("audio", "withAudio") : null,
            ["storyboard"] = request.Operation == MediaOperation.Storyboard ? Storyboard(o) : null,
            ["mode"] = model.StartsWith("grok", StringComparison.OrdinalIgnoreCase) ? (o.Text("mode") ?? o.Mode)?.ToLowerInvariant() : null,
            ["seed"] = o.Seed,
            ["enablePromptExpansion"] = o.Flag("enablePromptExpansion", "expand"),
        });
    }

    /// <summary><c>POST /api/video/remove-background</c>: "Upload video file" names no field, so the bot sends it as "video".</summary>
    public static async Task<ProviderPost> VideoBackgroundAsync(MediaRequest request, CancellationToken cancellationToken)
    {
        var video = request.FirstInput(MediaRole.Video) ?? request.FirstInput(MediaRole.Image)
            ?? throw new ProviderException("input_required", "Video background removal needs a video (webm, mp4, mov or gif).");
        var bytes = await ProviderInputs.ReadAsync(video, cancellationToken).ConfigureAwait(false);
        return ProviderPost.Multipart("api/video/remove-background", [ProviderFile.From("video", bytes, video)]);
    }

    /// <summary><c>POST /api/save-to-gallery</c> with the result's own AetherWave link, always private.</summary>
    public static ProviderPost SaveToGallery(Uri mediaUrl, string mediaType, string? prompt, string? model, string? title) =>
        ProviderPost.JsonBody("api/save-to-gallery", new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["mediaUrl"] = mediaUrl.ToString(),
            ["mediaType"] = mediaType,
            ["prompt"] = prompt,
            ["model"] = model,
            ["title"] = title,
            ["visibility"] = "private",
        });

    /// <summary>
    /// The storyboard comes from the prompt: shots separated by "|", each optionally ending in "::seconds"
    /// (e.g. "desert highway::5 | hands on the wheel::3"). Shots without a length share the requested duration.
    /// </summary>
    internal static List<AetherWaveWire.StoryboardShot> Storyboard(CommandOptions options)
    {
        var parts = (options.Prompt ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            throw new ProviderException("storyboard_required", "A storyboard needs scenes: separate them with |, e.g. \"wide desert shot::5 | close-up of hands::3\".");
        }

        var shots = new List<(string Text, int? Seconds)>();
        foreach (var part in parts)
        {
            var at = part.LastIndexOf("::", StringComparison.Ordinal);
            if (at > 0 && int.TryParse(part[(at + 2)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var sec) && sec > 0)
            {
                shots.Add((part[..at].Trim(), sec));
            }
            else
            {
                shots.Add((part, null));
            }
        }

        var fixedSeconds = shots.Sum(s => s.Seconds ?? 0);
        var open = shots.Count(s => s.Seconds is null);
        var share = open == 0 ? 0 : Math.Max(1, ((options.DurationSeconds ?? (5 * shots.Count)) - fixedSeconds) / open);
        return [.. shots.Select(s => new AetherWaveWire.StoryboardShot(s.Text, s.Seconds ?? share))];
    }

    private static async Task<List<string>> DataUrlsAsync(IEnumerable<MediaInput> inputs, CancellationToken cancellationToken)
    {
        var urls = new List<string>();
        foreach (var input in inputs)
        {
            urls.Add(await ProviderInputs.DataUrlAsync(input, cancellationToken).ConfigureAwait(false));
        }

        return urls;
    }

    private static MediaInput Require(MediaInput? input, string what) =>
        input ?? throw new ProviderException("input_required", $"{what} needs an image.");
}
