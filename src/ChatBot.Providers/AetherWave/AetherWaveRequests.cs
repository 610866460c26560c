using ChatBot.Core.Commands;

namespace ChatBot.Providers.AetherWave;

/// <summary>Builds the request body of each AetherWave operation (documents 000 and 003), field by field as documented.</summary>
internal static class AetherWaveRequests
{
    /// <summary>Whether a request built with <paramref name="own"/> sends any input as a link (so a refusal can be retried with bytes).</summary>
    public static bool SendsLinks(MediaRequest request, Uri? own) =>
        request.Inputs.Any(i => i.Role is MediaRole.Image or MediaRole.Audio or MediaRole.Video && ProviderInputs.PublicUrl(i, own) is not null);

    /// <summary>The Image Studio endpoint and body for an image operation.</summary>
    public static async Task<ProviderPost> ImageAsync(MediaRequest request, Uri? own, CancellationToken cancellationToken)
    {
        var o = request.Options;
        var image = request.FirstInput(MediaRole.Image);
        switch (request.Operation)
        {
            case MediaOperation.Vary when !request.Model.Supports(MediaOperation.Imagine):
            case MediaOperation.Edit:
                // An edit model varies through edit-image, where the document lists it (Grok I2I: "Returns 2 variations").
                return await EditAsync(request, cancellationToken).ConfigureAwait(false);

            case MediaOperation.Imagine:
            case MediaOperation.Vary:
            {
                // I2I goes through referenceImages of generate-image (Grok, Flux): the image being varied comes first.
                var references = await DataUrlsAsync(request.Inputs.Where(i => i.Role is MediaRole.Image or MediaRole.Reference).Take(request.Model.Limits.MaxInputImages), cancellationToken).ConfigureAwait(false);
                return ProviderPost.JsonBody("api/generate-image", new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["prompt"] = o.Prompt ?? (request.Operation == MediaOperation.Vary ? "A variation of this image" : null),
                    ["model"] = request.Model.WireModel,
                    ["aspectRatio"] = request.Value(ParameterNames.AspectRatio, o.AspectRatio),
                    ["resolution"] = request.Value(ParameterNames.Resolution, o.Resolution),
                    ["imageSize"] = request.Value("image-size", o.Text("image-size")),
                    ["maxImages"] = request.Model.Limits.MaxCount > 1 ? o.Count : null,
                    ["negative_prompt"] = request.IfTaken(ParameterNames.NegativePrompt, o.NegativePrompt),
                    ["seed"] = request.IfTaken(ParameterNames.Seed, o.Seed),
                    ["outputFormat"] = request.Value("format", o.Text("format")),
                    ["enablePromptExpansion"] = request.IfTaken("expand", o.Flag("expand")),
                    ["referenceImages"] = references.Count > 0 ? references : null,
                });
            }

            case MediaOperation.Inpaint:
            {
                var mask = request.FirstInput(MediaRole.Mask) ?? throw new ProviderException("mask_required", "Inpainting needs a mask image (transparent where the picture should change).");
                var references = await DataUrlsAsync(request.Inputs.Where(i => i.Role == MediaRole.Reference).Take(16), cancellationToken).ConfigureAwait(false);

                // The document's edit zone is transparent: a black-and-white mask (white = change) is converted.
                var maskBytes = AetherWaveMask.Prepare(await ProviderInputs.ReadAsync(mask, cancellationToken).ConfigureAwait(false));
                return ProviderPost.JsonBody("api/inpaint-image", new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["image"] = await ProviderInputs.DataUrlAsync(Require(image, "Inpainting"), cancellationToken).ConfigureAwait(false),
                    ["mask"] = "data:image/png;base64," + Convert.ToBase64String(maskBytes),
                    ["prompt"] = o.Prompt,
                    ["quality"] = request.Value("quality", o.Text("quality")) ?? "medium",
                    ["referenceImages"] = references.Count > 0 ? references : null,
                });
            }

            case MediaOperation.Reframe:
            {
                var imageUrl = ProviderInputs.PublicUrl(Require(image, "Reframing"), own);
                return ProviderPost.JsonBody("api/reframe-image", new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["imageUrl"] = imageUrl,
                    ["image"] = imageUrl is null ? await ProviderInputs.DataUrlAsync(image!, cancellationToken).ConfigureAwait(false) : null,
                    ["aspectRatio"] = o.AspectRatio ?? "16:9",
                    ["rendering_speed"] = request.Value("speed", o.Text("speed")) ?? "BALANCED",
                });
            }

            case MediaOperation.Upscale:
            {
                var source = Require(image, "Upscaling");
                var factor = $"{o.UpscaleFactor ?? 2}x";
                if (ProviderInputs.PublicUrl(source, own) is { } link)
                {
                    return ProviderPost.Multipart("api/upscale-image", [], ("imageUrl", link), ("upscaleFactor", factor));
                }

                var bytes = await ProviderInputs.ReadAsync(source, cancellationToken).ConfigureAwait(false);
                return ProviderPost.Multipart("api/upscale-image", [ProviderFile.From("image", bytes, source)], ("upscaleFactor", factor));
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
                    ["style"] = request.Value(ParameterNames.Style, o.Style),
                    ["aspectRatio"] = request.Value(ParameterNames.AspectRatio, o.AspectRatio),
                });

            default:
                throw new ProviderException("unsupported_operation", $"AetherWave does not do {request.Operation}.");
        }
    }

    /// <summary><c>POST /api/edit-image</c>: one file goes as "image"; several (Seedream batch, up to 10) as "images".</summary>
    private static async Task<ProviderPost> EditAsync(MediaRequest request, CancellationToken cancellationToken)
    {
        var images = request.Inputs.Where(i => i.Role is MediaRole.Image or MediaRole.Reference).ToList();
        var files = new List<ProviderFile>();
        foreach (var input in images)
        {
            files.Add(ProviderFile.From(images.Count == 1 ? "image" : "images", await ProviderInputs.ReadAsync(input, cancellationToken).ConfigureAwait(false), input));
        }

        var prompt = request.Options.Prompt ?? (request.Operation == MediaOperation.Vary ? "A variation of this image" : null);
        return ProviderPost.Multipart("api/edit-image", files, ("prompt", prompt), ("model", request.Model.WireModel));
    }

    /// <summary>
    /// <c>POST /api/generate-video</c> for video, lip-sync, storyboard and video upscale. An input already at a public
    /// link AetherWave can fetch goes as <c>imageUrl</c>/<c>audioUrl</c> instead of its bytes, unless <paramref name="own"/>
    /// is null (the bytes-only retry).
    /// </summary>
    public static async Task<ProviderPost> VideoAsync(MediaRequest request, Uri? own, CancellationToken cancellationToken)
    {
        var o = request.Options;
        var model = request.Model.WireModel;
        var image = request.FirstInput(MediaRole.Image);
        var audio = request.FirstInput(MediaRole.Audio);
        if (request.Operation == MediaOperation.VideoUpscale)
        {
            // The document lists the upscalers as models of generate-video ("Upscale existing video") with no fields of
            // their own; the bot's reading, by analogy with imageUrl/imageData: videoUrl, else videoData, and the length.
            var video = request.FirstInput(MediaRole.Video) ?? throw new ProviderException("input_required", "Upscaling a video needs the video.");
            var videoUrl = ProviderInputs.PublicUrl(video, own);
            return ProviderPost.JsonBody("api/generate-video", new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["model"] = model,
                ["videoUrl"] = videoUrl,
                ["videoData"] = videoUrl is null ? await ProviderInputs.DataUrlAsync(video, cancellationToken).ConfigureAwait(false) : null,
                ["duration"] = request.IfTaken(ParameterNames.Duration, o.DurationSeconds)?.ToString(CultureInfo.InvariantCulture),
            });
        }

        var imageUrl = ProviderInputs.PublicUrl(image, own);
        var audioUrl = ProviderInputs.PublicUrl(audio, own);
        if (image is not null && model.EndsWith("-t2v", StringComparison.Ordinal))
        {
            // The backend switches a T2V model to its I2V variant when an image is given; the bot asks for the
            // I2V model itself so the reply and the price name the model that really runs.
            model = model[..^4] + "-i2v";
        }

        return ProviderPost.JsonBody("api/generate-video", new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["model"] = model,
            ["prompt"] = request.Operation == MediaOperation.Storyboard ? null : o.Prompt,
            // A storyboard's length is its shots' (the document's example sends no duration beside them).
            ["duration"] = request.Operation == MediaOperation.Storyboard ? null : request.IfTaken(ParameterNames.Duration, o.DurationSeconds)?.ToString(CultureInfo.InvariantCulture),
            ["aspectRatio"] = request.Value(ParameterNames.AspectRatio, o.AspectRatio),
            ["resolution"] = request.Value(ParameterNames.Resolution, o.Resolution),
            ["imageUrl"] = imageUrl,
            ["imageData"] = imageUrl is null ? await ProviderInputs.DataUrlOrNullAsync(image, cancellationToken).ConfigureAwait(false) : null,
            ["endImageData"] = await ProviderInputs.DataUrlOrNullAsync(request.FirstInput(MediaRole.LastFrame), cancellationToken).ConfigureAwait(false),
            ["audioUrl"] = audioUrl,
            ["audioData"] = audioUrl is null ? await ProviderInputs.DataUrlOrNullAsync(audio, cancellationToken).ConfigureAwait(false) : null,
            ["audioDuration"] = request.IfTaken("audio-duration", o.Number("audio-duration")),
            // Kling models only (the catalog lists them for Kling alone; the document says others ignore them).
            ["negativePrompt"] = request.IfTaken(ParameterNames.NegativePrompt, o.NegativePrompt),
            ["cfgScale"] = request.IfTaken("cfg", o.Number("cfg")),
            ["withAudio"] = request.IfTaken("audio", o.Flag("audio")),
            ["storyboard"] = request.Operation == MediaOperation.Storyboard ? Storyboard(o) : null,
            ["mode"] = request.Value(ParameterNames.Mode, o.Mode),
            ["seed"] = request.IfTaken(ParameterNames.Seed, o.Seed),
            ["enablePromptExpansion"] = request.IfTaken("expand", o.Flag("expand")),
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

    /// <summary>The storyboard from the prompt (<see cref="StoryboardText"/>): "desert highway::5 | hands on the wheel::3".</summary>
    internal static List<AetherWaveWire.StoryboardShot> Storyboard(CommandOptions options)
    {
        var shots = StoryboardText.Shots(options.Prompt, options.DurationSeconds);
        return shots.Count == 0
            ? throw new ProviderException("storyboard_required", "A storyboard needs scenes: separate them with |, e.g. \"wide desert shot::5 | close-up of hands::3\".")
            : [.. shots.Select(s => new AetherWaveWire.StoryboardShot(s.Text, s.Seconds))];
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
