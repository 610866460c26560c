using ChatBot.Core.Media;

namespace ChatBot.Providers.AetherWave;

/// <summary>
/// AetherWave Studio: Image Studio (document 000) and Video Studio (document 003) share one host and one
/// <c>X-AW-Key</c>. Image work is always an async task polled every 5 s at
/// <c>/api/generate-image/status/{taskId}</c>; video answers either at once or with a task id and a timeout.
/// Bodies come from <see cref="AetherWaveRequests"/>, status answers are read by <see cref="AetherWaveStatus"/>,
/// refusals by <see cref="AetherWaveErrors"/>.
/// </summary>
internal sealed class AetherWaveProvider(ProviderHttp http, ILogger<AetherWaveProvider> logger) : RemoteProvider(http, logger), IMediaProvider, IGalleryProvider
{
    private const string ImageState = "image";
    private const string VideoBackgroundState = "video-bg";
    private const string VideoStatePrefix = "video;deadline=";

    public async Task<Submission> SubmitAsync(MediaRequest request, CancellationToken cancellationToken)
    {
        EnsureConfigured();

        var submission = request.Operation switch
        {
            MediaOperation.Video or MediaOperation.LipSync or MediaOperation.Storyboard or MediaOperation.VideoUpscale => await SubmitVideoAsync(request, cancellationToken).ConfigureAwait(false),
            MediaOperation.VideoRemoveBackground => await SubmitVideoBackgroundAsync(request, cancellationToken).ConfigureAwait(false),
            _ => await SubmitImageAsync(request, cancellationToken).ConfigureAwait(false),
        };
        LogAccepted(request.JobId, submission.RemoteId);
        return submission;
    }

    /// <summary>Polls the task's status endpoint (the engine itself delivers a submission's immediate result).</summary>
    public IAsyncEnumerable<ProviderUpdate> TrackAsync(MediaRequest request, Submission submission, CancellationToken cancellationToken)
    {
        var started = Http.Time.GetUtcNow();
        var state = submission.ResumeState ?? ImageState;
        var id = Uri.EscapeDataString(submission.RemoteId);
        if (state.StartsWith(VideoStatePrefix, StringComparison.Ordinal)
            && long.TryParse(state[VideoStatePrefix.Length..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var deadlineMs))
        {
            var deadline = DateTimeOffset.FromUnixTimeMilliseconds(deadlineMs);
            return TaskPoller.PollAsync(Http, $"api/generate-video/status/{id}", (r, ct) => AetherWaveStatus.VideoAsync(Http, r, request, ct), deadline, cancellationToken);
        }

        var limit = started + Http.Options.MaxTaskDuration;
        return state == VideoBackgroundState
            ? TaskPoller.PollAsync(Http, $"api/video/progress/{id}", (r, ct) => AetherWaveStatus.VideoProgressAsync(Http, r, request, ct), limit, cancellationToken)
            : TaskPoller.PollAsync(Http, $"api/generate-image/status/{id}", (r, ct) => AetherWaveStatus.ImageAsync(Http, r, request, ct), limit, cancellationToken);
    }

    /// <summary>The "Save to gallery" button: <c>POST /api/save-to-gallery</c> with the result's own AetherWave link.</summary>
    public Task SaveToGalleryAsync(GallerySaveRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        EnsureConfigured();

        var mediaType = request.Kind == MediaKind.Video ? "video" : "image";
        return SaveToGalleryAsync(request.MediaUrl, mediaType, request.Prompt, request.ModelId, request.Title, cancellationToken);
    }

    /// <summary>Saves a result to the member's AetherWave gallery (offered as a button when the tenant enables it).</summary>
    public async Task SaveToGalleryAsync(Uri mediaUrl, string mediaType, string? prompt, string? model, string? title, CancellationToken cancellationToken)
    {
        using var response = await Http.SubmitAsync(AetherWaveRequests.SaveToGallery(mediaUrl, mediaType, prompt, model, title), cancellationToken).ConfigureAwait(false);
        await Http.EnsureSuccessAsync(response, AetherWaveErrors.ToException, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends the request with inputs as links where AetherWave can fetch them; when AetherWave refuses a request that
    /// carried links (it could not fetch one: an expired CDN link), sends it once more with the bytes.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(MediaRequest request, Func<Uri?, CancellationToken, Task<ProviderPost>> build, CancellationToken cancellationToken)
    {
        var own = Http.Options.BaseUrl;
        var response = await Http.SubmitAsync(await build(own, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.BadRequest && AetherWaveRequests.SendsLinks(request, own))
        {
            response.Dispose();
            response = await Http.SubmitAsync(await build(null, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    private async Task<Submission> SubmitImageAsync(MediaRequest request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(request, (own, ct) => AetherWaveRequests.ImageAsync(request, own, ct), cancellationToken).ConfigureAwait(false);
        await Http.EnsureSuccessAsync(response, AetherWaveErrors.ToException, cancellationToken).ConfigureAwait(false);
        var answer = await Http.ReadJsonAsync<AetherWaveWire.ImageTaskAnswer>(response, cancellationToken).ConfigureAwait(false);
        if (answer.TaskId is { Length: > 0 } taskId)
        {
            return new Submission(taskId, ImageState);
        }

        // Not documented, but tolerated: an endpoint that answers with the images at once.
        var urls = answer.Images ?? (answer.ImageUrl is null ? null : [answer.ImageUrl]);
        if (urls is { Count: > 0 })
        {
            return new Submission($"aw-{request.JobId}", ImageState, AetherWaveStatus.Succeeded(Http, urls, answer.CreditsUsed, request));
        }

        throw new ProviderException("malformed_answer", "AetherWave accepted the request but gave no task id.");
    }

    private async Task<Submission> SubmitVideoAsync(MediaRequest request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(request, (own, ct) => AetherWaveRequests.VideoAsync(request, own, ct), cancellationToken).ConfigureAwait(false);
        await Http.EnsureSuccessAsync(response, AetherWaveErrors.ToException, cancellationToken).ConfigureAwait(false);
        var answer = await Http.ReadJsonAsync<AetherWaveWire.VideoAnswer>(response, cancellationToken).ConfigureAwait(false);
        var urls = AetherWaveStatus.VideoUrls(answer.VideoUrl, answer.VideoUrls);
        if (urls.Count > 0)
        {
            return new Submission($"aw-{request.JobId}", null, AetherWaveStatus.Succeeded(Http, urls, answer.CreditsUsed, request));
        }

        if (answer.TaskId is not { Length: > 0 } taskId)
        {
            throw new ProviderException("malformed_answer", "AetherWave accepted the video but gave neither a video nor a task id.");
        }

        // Per-model timeout: the answer's timeoutSeconds, else the catalog's, capped by the bot's own limit.
        var seconds = answer.TimeoutSeconds
            ?? (request.Model.Settings.TryGetValue("timeoutSeconds", out var s) && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var t) ? t : (int?)null);
        var timeout = seconds is > 0 ? TimeSpan.FromSeconds(seconds.Value) : Http.Options.MaxTaskDuration;
        if (timeout > Http.Options.MaxTaskDuration)
        {
            timeout = Http.Options.MaxTaskDuration;
        }

        var deadline = Http.Time.GetUtcNow() + timeout;
        return new Submission(taskId, VideoStatePrefix + deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
    }

    private async Task<Submission> SubmitVideoBackgroundAsync(MediaRequest request, CancellationToken cancellationToken)
    {
        var post = await AetherWaveRequests.VideoBackgroundAsync(request, cancellationToken).ConfigureAwait(false);
        using var response = await Http.SubmitAsync(post, cancellationToken).ConfigureAwait(false);
        await Http.EnsureSuccessAsync(response, AetherWaveErrors.ToException, cancellationToken).ConfigureAwait(false);
        var answer = await Http.ReadJsonAsync<AetherWaveWire.VideoJobAnswer>(response, cancellationToken).ConfigureAwait(false);
        var id = answer.JobId ?? answer.TaskId;
        return id is { Length: > 0 }
            ? new Submission(id, VideoBackgroundState)
            : throw new ProviderException("malformed_answer", "AetherWave accepted the video but gave no job id.");
    }
}
