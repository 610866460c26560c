using ChatBot.Core.Media;

namespace ChatBot.Providers.AetherForge;

/// <summary>
/// AetherForge (document 004): multipart <c>POST /public/v1/generate/image</c> with <c>prompt</c>,
/// <c>ai_model</c> and <c>ref_images</c>, then <c>GET /public/v1/job/{job_id}</c> until Succeed or Failed.
/// The per-model reference limits are checked before anything is sent, with the document's own messages.
/// </summary>
internal sealed class AetherForgeProvider(ProviderHttp http, ILogger<AetherForgeProvider> logger) : RemoteProvider(http, logger), IMediaProvider
{
    private static ProviderException Refusal(ProviderHttp http, int httpStatus, string? message) => http.CommonRefusal(httpStatus) ?? httpStatus switch
    {
        >= 500 => new ProviderException("provider_error", "AetherForge had an internal error and did not start the job.", retryable: true),
        _ => new ProviderException("invalid_request", message is null ? "AetherForge refused the request." : $"AetherForge refused the request: {message}"),
    };

    /// <summary>The document's reference limits and messages; any model not named has the general limit of 10.</summary>
    public static string? CheckReferenceCount(string model, int count) => model switch
    {
        "Grok Imagine" when count > 5 => "The Grok Imagine model supports up to 5 ref_images.",
        "Grok Imagine Pro" when count > 1 => "The Grok Imagine Pro model supports up to 1 ref_images.",
        _ when count > 10 => "ref_images supports up to 10 images only",
        _ => null,
    };

    public async Task<Submission> SubmitAsync(MediaRequest request, CancellationToken cancellationToken)
    {
        EnsureConfigured();

        if (request.Operation is not (MediaOperation.Imagine or MediaOperation.Vary or MediaOperation.Edit))
        {
            throw new ProviderException("unsupported_operation", $"AetherForge does not do {request.Operation}.");
        }

        var model = request.Model.WireModel;
        var inputs = request.Inputs.Where(i => i.Role is MediaRole.Image or MediaRole.Reference).ToList();
        if (CheckReferenceCount(model, inputs.Count) is { } tooMany)
        {
            throw new ProviderException("too_many_references", tooMany);
        }

        var files = new List<ProviderFile>();
        foreach (var input in inputs)
        {
            var bytes = await ProviderInputs.ReadAsync(input, cancellationToken).ConfigureAwait(false);
            if (MediaSniffer.Sniff(bytes)?.Kind != MediaKind.Image)
            {
                throw new ProviderException("invalid_image", "Invalid image file");
            }

            files.Add(ProviderFile.From("ref_images", bytes, input));
        }

        var prompt = request.Options.Prompt ?? (request.Operation == MediaOperation.Vary ? "A variation of the reference image" : null);
        if (string.IsNullOrWhiteSpace(prompt))
        {
            throw new ProviderException("prompt_required", "AetherForge needs a prompt.");
        }

        using var response = await Http.SubmitAsync(ProviderPost.Multipart("public/v1/generate/image", files, ("prompt", prompt), ("ai_model", model)), cancellationToken).ConfigureAwait(false);
        await Http.EnsureSuccessAsync(response, Refusal, cancellationToken).ConfigureAwait(false);

        var created = await Http.ReadJsonAsync<AetherForgeWire.JobCreated>(response, cancellationToken).ConfigureAwait(false);
        if (created.JobId is not { Length: > 0 } jobId)
        {
            throw new ProviderException("malformed_answer", "AetherForge accepted the request but gave no job id.");
        }

        LogAccepted(request.JobId, jobId);
        return new Submission(jobId);
    }

    public IAsyncEnumerable<ProviderUpdate> TrackAsync(MediaRequest request, Submission submission, CancellationToken cancellationToken) =>
        TaskPoller.PollAsync(
            Http,
            $"public/v1/job/{Uri.EscapeDataString(submission.RemoteId)}",
            (r, ct) => InterpretAsync(r, request, ct),
            Http.Time.GetUtcNow() + Http.Options.MaxTaskDuration,
            cancellationToken);

    private async Task<ProviderUpdate> InterpretAsync(HttpResponseMessage response, MediaRequest request, CancellationToken cancellationToken)
    {
        if (await TaskPoller.StatusFailureAsync(Http, response, cancellationToken).ConfigureAwait(false) is { } failed)
        {
            return failed;
        }

        var status = await Http.ReadJsonAsync<AetherForgeWire.JobStatus>(response, cancellationToken).ConfigureAwait(false);
        switch (status.Status)
        {
            case "Succeed":
                if (status.ImageUrls is not { Count: > 0 } urls)
                {
                    return new ProviderUpdate.Failed("empty_result", "AetherForge finished the job but returned no images.");
                }

                try
                {
                    // The document reports no cost: the engine charges the quoted price.
                    return new ProviderUpdate.Succeeded([.. urls.Select((u, i) => Http.Results.RemoteOutput(u, $"{request.JobId}-{i + 1}"))]);
                }
                catch (ProviderException e)
                {
                    return new ProviderUpdate.Failed(e.Code, e.Message);
                }

            case "Failed":
                var reason = ProviderErrorText.Clean(status.Message ?? status.Error, Http.ApiKey);
                return new ProviderUpdate.Failed("generation_failed", reason is null ? "AetherForge could not make this image. Try another prompt or model." : $"AetherForge could not make this image: {reason}");
            default:
                // Pending, and anything undocumented besides Succeed and Failed, is read as still working.
                return new ProviderUpdate.Running(null, "AetherForge is working…");
        }
    }
}
