using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChatBot.Core.Catalog;
using ChatBot.Core.Model;
using ChatBot.Core.Media;
using ChatBot.Core.Providers;
using ChatBot.Providers.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Providers.AetherWave;

/// <summary>
/// AetherWave Studio: Image Studio (document 000) and Video Studio (document 003) share one host and one
/// <c>X-AW-Key</c>. Image work is always an async task polled every 5 s at
/// <c>/api/generate-image/status/{taskId}</c>; video answers either at once or with a task id and a timeout.
/// </summary>
internal sealed class AetherWaveProvider(
    [FromKeyedServices(ProviderNames.AetherWave)] ProviderHttp http,
    ILogger<AetherWaveProvider> logger) : IMediaProvider, IGalleryProvider
{
    private const string ImageState = "image";
    private const string VideoBackgroundState = "video-bg";
    private const string VideoStatePrefix = "video;deadline=";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Name => ProviderNames.AetherWave;

    public bool IsAvailable => http.IsAvailable;

    public bool ResubmitIsSafe => false;

    public async Task<Submission> SubmitAsync(MediaRequest request, CancellationToken cancellationToken)
    {
        if (!http.HasKey)
        {
            throw http.NotConfigured();
        }

        var submission = request.Operation switch
        {
            MediaOperation.Video or MediaOperation.LipSync or MediaOperation.Storyboard => await SubmitVideoAsync(request, cancellationToken).ConfigureAwait(false),
            MediaOperation.VideoRemoveBackground => await SubmitVideoBackgroundAsync(request, cancellationToken).ConfigureAwait(false),
            _ => await SubmitImageAsync(request, cancellationToken).ConfigureAwait(false),
        };
        ProviderLog.Accepted(logger, Name, request.JobId, submission.RemoteId);
        return submission;
    }

    public IAsyncEnumerable<ProviderUpdate> TrackAsync(MediaRequest request, Submission submission, CancellationToken cancellationToken)
    {
        if (submission.ImmediateResult is { } done)
        {
            return One(done);
        }

        var started = http.Time.GetUtcNow();
        var state = submission.ResumeState ?? ImageState;
        if (state.StartsWith(VideoStatePrefix, StringComparison.Ordinal)
            && long.TryParse(state[VideoStatePrefix.Length..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var deadlineMs))
        {
            var deadline = DateTimeOffset.FromUnixTimeMilliseconds(deadlineMs);
            return TaskPoller.PollAsync(http, $"api/generate-video/status/{Uri.EscapeDataString(submission.RemoteId)}", (r, ct) => InterpretVideoAsync(r, request, ct), deadline, cancellationToken);
        }

        var limit = started + http.Options.MaxTaskDuration;
        return state == VideoBackgroundState
            ? TaskPoller.PollAsync(http, $"api/video/progress/{Uri.EscapeDataString(submission.RemoteId)}", (r, ct) => InterpretVideoProgressAsync(r, request, ct), limit, cancellationToken)
            : TaskPoller.PollAsync(http, $"api/generate-image/status/{Uri.EscapeDataString(submission.RemoteId)}", (r, ct) => InterpretImageAsync(r, request, ct), limit, cancellationToken);
    }

    /// <summary>The "Save to gallery" button: <c>POST /api/save-to-gallery</c> with the result's own AetherWave link.</summary>
    public Task SaveToGalleryAsync(GallerySaveRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!http.HasKey)
        {
            throw http.NotConfigured();
        }

        var mediaType = request.Kind == MediaKind.Video ? "video" : "image";
        return SaveToGalleryAsync(request.MediaUrl, mediaType, request.Prompt, request.ModelId, request.Title, cancellationToken);
    }

    /// <summary>Saves a result to the member's AetherWave gallery (offered as a button when the tenant enables it).</summary>
    public async Task SaveToGalleryAsync(Uri mediaUrl, string mediaType, string? prompt, string? model, string? title, CancellationToken cancellationToken)
    {
        var body = new Dictionary<string, object?>
        {
            ["mediaUrl"] = mediaUrl.ToString(),
            ["mediaType"] = mediaType,
            ["prompt"] = prompt,
            ["model"] = model,
            ["title"] = title,
            ["visibility"] = "private",
        };
        using var response = await http.SubmitAsync(() => JsonPost("api/save-to-gallery", body), cancellationToken).ConfigureAwait(false);
        await EnsureAcceptedAsync(response, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Submission> SubmitImageAsync(MediaRequest request, CancellationToken cancellationToken)
    {
        var o = request.Options;
        var image = request.FirstInput(MediaRole.Image);
        Func<HttpRequestMessage> create;
        switch (request.Operation)
        {
            case MediaOperation.Imagine:
            case MediaOperation.Vary:
            {
                // I2I goes through referenceImages of generate-image (Grok, Flux): the image being varied comes first.
                var references = new List<string>();
                foreach (var input in request.Inputs.Where(i => i.Role is MediaRole.Image or MediaRole.Reference))
                {
                    references.Add(await ProviderHttp.DataUrlAsync(input, cancellationToken).ConfigureAwait(false));
                }

                var body = new Dictionary<string, object?>
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
                };
                create = () => JsonPost("api/generate-image", body);
                break;
            }

            case MediaOperation.Edit:
            {
                var images = request.Inputs.Where(i => i.Role is MediaRole.Image or MediaRole.Reference).ToList();
                var files = new List<(string Field, byte[] Bytes, MediaInput Input)>();
                foreach (var input in images)
                {
                    // One file goes as "image"; several (Seedream batch, up to 10) as "images".
                    files.Add((images.Count == 1 ? "image" : "images", await ProviderHttp.ReadInputAsync(input, cancellationToken).ConfigureAwait(false), input));
                }

                create = () => MultipartPost("api/edit-image", files, ("prompt", o.Prompt), ("model", request.Model.WireModel));
                break;
            }

            case MediaOperation.Inpaint:
            {
                var mask = request.FirstInput(MediaRole.Mask) ?? throw new ProviderException("mask_required", "Inpainting needs a mask image (transparent where the picture should change).");
                var references = new List<string>();
                foreach (var input in request.Inputs.Where(i => i.Role == MediaRole.Reference).Take(16))
                {
                    references.Add(await ProviderHttp.DataUrlAsync(input, cancellationToken).ConfigureAwait(false));
                }

                // The document's mask convention (transparent = edit) is the bot's own, so the mask goes as is.
                var body = new Dictionary<string, object?>
                {
                    ["image"] = await ProviderHttp.DataUrlAsync(Require(image, "Inpainting"), cancellationToken).ConfigureAwait(false),
                    ["mask"] = await ProviderHttp.DataUrlAsync(mask, cancellationToken).ConfigureAwait(false),
                    ["prompt"] = o.Prompt,
                    ["quality"] = (o.Text("quality") ?? "medium").ToLowerInvariant(),
                    ["referenceImages"] = references.Count > 0 ? references : null,
                };
                create = () => JsonPost("api/inpaint-image", body);
                break;
            }

            case MediaOperation.Reframe:
            {
                var body = new Dictionary<string, object?>
                {
                    ["image"] = await ProviderHttp.DataUrlAsync(Require(image, "Reframing"), cancellationToken).ConfigureAwait(false),
                    ["aspectRatio"] = o.AspectRatio ?? "16:9",
                    ["rendering_speed"] = (o.Text("rendering_speed", "speed") ?? "BALANCED").ToUpperInvariant(),
                };
                create = () => JsonPost("api/reframe-image", body);
                break;
            }

            case MediaOperation.Upscale:
            {
                var bytes = await ProviderHttp.ReadInputAsync(Require(image, "Upscaling"), cancellationToken).ConfigureAwait(false);
                var factor = $"{o.UpscaleFactor ?? 2}x";
                create = () => MultipartPost("api/upscale-image", [("image", bytes, image!)], ("upscaleFactor", factor));
                break;
            }

            case MediaOperation.RemoveBackground:
            case MediaOperation.Enhance:
            {
                // The document shows remove-background as a multipart "image" upload; enhance-image has no
                // request shape of its own, so it is read the same way.
                var bytes = await ProviderHttp.ReadInputAsync(Require(image, "This operation"), cancellationToken).ConfigureAwait(false);
                var path = request.Operation == MediaOperation.Enhance ? "api/enhance-image" : "api/remove-background";
                create = () => MultipartPost(path, [("image", bytes, image!)]);
                break;
            }

            case MediaOperation.AlbumArt:
            {
                var body = new Dictionary<string, object?>
                {
                    ["prompt"] = o.Prompt,
                    ["style"] = o.Style?.ToLowerInvariant(),
                    ["aspectRatio"] = o.AspectRatio,
                };
                create = () => JsonPost("api/generate-art", body);
                break;
            }

            default:
                throw new ProviderException("unsupported_operation", $"AetherWave does not do {request.Operation}.");
        }

        using var response = await http.SubmitAsync(create, cancellationToken).ConfigureAwait(false);
        await EnsureAcceptedAsync(response, cancellationToken).ConfigureAwait(false);
        var answer = await http.ReadJsonAsync<AetherWaveWire.ImageTaskAnswer>(response, cancellationToken).ConfigureAwait(false);
        if (answer.TaskId is { Length: > 0 } taskId)
        {
            return new Submission(taskId, ImageState);
        }

        // Not documented, but tolerated: an endpoint that answers with the images at once.
        var urls = answer.Images ?? (answer.ImageUrl is null ? null : [answer.ImageUrl]);
        if (urls is { Count: > 0 })
        {
            return new Submission($"aw-{request.JobId}", ImageState, Succeeded(urls, answer.CreditsUsed, request));
        }

        throw new ProviderException("malformed_answer", "AetherWave accepted the request but gave no task id.");
    }

    private async Task<Submission> SubmitVideoAsync(MediaRequest request, CancellationToken cancellationToken)
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
        var body = new Dictionary<string, object?>
        {
            ["model"] = model,
            ["prompt"] = request.Operation == MediaOperation.Storyboard ? null : o.Prompt,
            ["duration"] = o.DurationSeconds?.ToString(CultureInfo.InvariantCulture),
            ["aspectRatio"] = o.AspectRatio,
            ["resolution"] = o.Resolution,
            ["imageData"] = image is null ? null : await ProviderHttp.DataUrlAsync(image, cancellationToken).ConfigureAwait(false),
            ["endImageData"] = request.FirstInput(MediaRole.LastFrame) is { } last ? await ProviderHttp.DataUrlAsync(last, cancellationToken).ConfigureAwait(false) : null,
            ["audioData"] = request.FirstInput(MediaRole.Audio) is { } audio ? await ProviderHttp.DataUrlAsync(audio, cancellationToken).ConfigureAwait(false) : null,
            ["audioDuration"] = o.Number("audioDuration", "audio-duration"),
            // Kling models only; the document says others ignore them, so they are not sent elsewhere.
            ["negativePrompt"] = kling ? o.NegativePrompt : null,
            ["cfgScale"] = kling ? o.Number("cfg", "cfgScale") : null,
            ["withAudio"] = kling ? o.Flag("audio", "withAudio") : null,
            ["storyboard"] = request.Operation == MediaOperation.Storyboard ? Storyboard(o) : null,
            ["mode"] = model.StartsWith("grok", StringComparison.OrdinalIgnoreCase) ? (o.Text("mode") ?? o.Mode)?.ToLowerInvariant() : null,
            ["seed"] = o.Seed,
            ["enablePromptExpansion"] = o.Flag("enablePromptExpansion", "expand"),
        };

        using var response = await http.SubmitAsync(() => JsonPost("api/generate-video", body), cancellationToken).ConfigureAwait(false);
        await EnsureAcceptedAsync(response, cancellationToken).ConfigureAwait(false);
        var answer = await http.ReadJsonAsync<AetherWaveWire.VideoAnswer>(response, cancellationToken).ConfigureAwait(false);
        var urls = VideoUrls(answer.VideoUrl, answer.VideoUrls);
        if (urls.Count > 0)
        {
            return new Submission($"aw-{request.JobId}", null, Succeeded(urls, answer.CreditsUsed, request));
        }

        if (answer.TaskId is not { Length: > 0 } taskId)
        {
            throw new ProviderException("malformed_answer", "AetherWave accepted the video but gave neither a video nor a task id.");
        }

        // Per-model timeout: the answer's timeoutSeconds, else the catalog's, capped by the bot's own limit.
        var seconds = answer.TimeoutSeconds
            ?? (request.Model.Settings.TryGetValue("timeoutSeconds", out var s) && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var t) ? t : (int?)null);
        var timeout = seconds is > 0 ? TimeSpan.FromSeconds(seconds.Value) : http.Options.MaxTaskDuration;
        if (timeout > http.Options.MaxTaskDuration)
        {
            timeout = http.Options.MaxTaskDuration;
        }

        var deadline = http.Time.GetUtcNow() + timeout;
        return new Submission(taskId, VideoStatePrefix + deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
    }

    private async Task<Submission> SubmitVideoBackgroundAsync(MediaRequest request, CancellationToken cancellationToken)
    {
        var video = request.FirstInput(MediaRole.Video) ?? request.FirstInput(MediaRole.Image)
            ?? throw new ProviderException("input_required", "Video background removal needs a video (webm, mp4, mov or gif).");
        var bytes = await ProviderHttp.ReadInputAsync(video, cancellationToken).ConfigureAwait(false);

        // "Upload video file": the field name is not given; the bot sends it as "video".
        using var response = await http.SubmitAsync(() => MultipartPost("api/video/remove-background", [("video", bytes, video)]), cancellationToken).ConfigureAwait(false);
        await EnsureAcceptedAsync(response, cancellationToken).ConfigureAwait(false);
        var answer = await http.ReadJsonAsync<AetherWaveWire.VideoJobAnswer>(response, cancellationToken).ConfigureAwait(false);
        var id = answer.JobId ?? answer.TaskId;
        return id is { Length: > 0 }
            ? new Submission(id, VideoBackgroundState)
            : throw new ProviderException("malformed_answer", "AetherWave accepted the video but gave no job id.");
    }

    private async Task<ProviderUpdate> InterpretImageAsync(HttpResponseMessage response, MediaRequest request, CancellationToken cancellationToken)
    {
        if (await TaskPoller.StatusFailureAsync(http, response, cancellationToken).ConfigureAwait(false) is { } failed)
        {
            return failed;
        }

        var status = await http.ReadJsonAsync<AetherWaveWire.ImageStatus>(response, cancellationToken).ConfigureAwait(false);
        switch (status.State?.ToUpperInvariant())
        {
            case "SUCCESS":
                return status.Images is { Count: > 0 } images
                    ? Succeeded(images, status.ActualCreditCost, request)
                    : new ProviderUpdate.Failed("empty_result", "AetherWave finished the job but returned no images.");
            case "FAILED":
                return new ProviderUpdate.Failed("generation_failed", FailureText(status.Error ?? status.Message));
            case "PENDING" or "QUEUED" or "WAITING":
                return new ProviderUpdate.Running(null, "Waiting at AetherWave…");
            default:
                // Any other state (PROCESSING, RUNNING, …) is read as "still working"; the document names only the two final ones.
                return new ProviderUpdate.Running(status.Progress, "AetherWave is working…");
        }
    }

    private async Task<ProviderUpdate> InterpretVideoAsync(HttpResponseMessage response, MediaRequest request, CancellationToken cancellationToken)
    {
        if (await TaskPoller.StatusFailureAsync(http, response, cancellationToken).ConfigureAwait(false) is { } failed)
        {
            return failed;
        }

        var status = await http.ReadJsonAsync<AetherWaveWire.VideoStatus>(response, cancellationToken).ConfigureAwait(false);
        var urls = VideoUrls(status.VideoUrl, status.VideoUrls);
        if (urls.Count > 0)
        {
            // The document's own loop stops as soon as videoUrl is present, whatever the state says.
            return Succeeded(urls, status.CreditCost, request);
        }

        return status.State?.ToLowerInvariant() switch
        {
            "failed" or "error" => new ProviderUpdate.Failed("generation_failed", FailureText(status.Error ?? status.Message)),
            "completed" => new ProviderUpdate.Failed("empty_result", "AetherWave finished the video but returned no link to it."),
            "pending" => new ProviderUpdate.Running(null, "Waiting at AetherWave…"),
            _ => new ProviderUpdate.Running(status.Progress, "AetherWave is rendering the video…"),
        };
    }

    private async Task<ProviderUpdate> InterpretVideoProgressAsync(HttpResponseMessage response, MediaRequest request, CancellationToken cancellationToken)
    {
        if (await TaskPoller.StatusFailureAsync(http, response, cancellationToken).ConfigureAwait(false) is { } failed)
        {
            return failed;
        }

        // The progress endpoint's answer is not documented: read status|state, progress (0–100) and videoUrl.
        var progress = await http.ReadJsonAsync<AetherWaveWire.VideoProgress>(response, cancellationToken).ConfigureAwait(false);
        if (progress.VideoUrl is { Length: > 0 } url)
        {
            return Succeeded([url], progress.CreditCost, request);
        }

        return (progress.Status ?? progress.State)?.ToLowerInvariant() switch
        {
            "failed" or "error" => new ProviderUpdate.Failed("generation_failed", FailureText(progress.Error ?? progress.Message)),
            "completed" or "complete" => new ProviderUpdate.Failed("empty_result", "AetherWave finished but returned no video."),
            _ => new ProviderUpdate.Running(progress.Progress, "Removing the background…"),
        };
    }

    private ProviderUpdate Succeeded(IReadOnlyList<string> urls, decimal? cost, MediaRequest request)
    {
        try
        {
            var outputs = urls.Select((u, i) => http.RemoteOutput(u, $"{request.JobId}-{i + 1}")).ToList();
            return new ProviderUpdate.Succeeded(outputs, cost);
        }
        catch (ProviderException e)
        {
            return new ProviderUpdate.Failed(e.Code, e.Message);
        }
    }

    private async Task EnsureAcceptedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var (_, message) = await ProviderErrorText.ReadAsync(response, http.ApiKey, cancellationToken).ConfigureAwait(false);
        throw (int)response.StatusCode switch
        {
            401 or 403 => http.Unauthorized(),
            402 => new ProviderException("insufficient_provider_credits", "The bot's AetherWave account is out of credits. An admin needs to top it up."),
            429 => new ProviderException("rate_limited", "AetherWave is rate-limiting the bot; try again in a minute.", retryable: true) { NeverReachedProvider = true },
            503 => new ProviderException("provider_unavailable", "AetherWave is unavailable right now.", retryable: true) { NeverReachedProvider = true },
            >= 500 => new ProviderException("provider_error", "AetherWave had an internal error and did not start the job.", retryable: true),
            _ => new ProviderException("invalid_request", message is null ? "AetherWave refused the request." : $"AetherWave refused the request: {message}"),
        };
    }

    private static string FailureText(string? providerText) =>
        ProviderErrorText.Clean(providerText, null) is { } text ? $"AetherWave could not make this: {text}" : "AetherWave could not make this one. Try a different prompt or model.";

    private static List<string> VideoUrls(string? one, IReadOnlyList<string>? many) =>
        many is { Count: > 0 } ? [.. many] : one is { Length: > 0 } ? [one] : [];

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

    private static MediaInput Require(MediaInput? input, string what) =>
        input ?? throw new ProviderException("input_required", $"{what} needs an image.");

    private static HttpRequestMessage JsonPost(string path, Dictionary<string, object?> body) =>
        new(HttpMethod.Post, path) { Content = JsonContent.Create(body.Where(kv => kv.Value is not null).ToDictionary(), options: Json) };

    private static HttpRequestMessage MultipartPost(string path, IEnumerable<(string Field, byte[] Bytes, MediaInput Input)> files, params (string Name, string? Value)[] fields)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields.Where(f => f.Value is not null))
        {
            content.Add(new StringContent(value!), name);
        }

        foreach (var (field, bytes, input) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(input.Media.ContentType);
            content.Add(part, field, input.Media.FileName);
        }

        return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
    }

    private static async IAsyncEnumerable<ProviderUpdate> One(ProviderUpdate update)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        yield return update;
    }
}
