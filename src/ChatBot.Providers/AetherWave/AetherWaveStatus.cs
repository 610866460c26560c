namespace ChatBot.Providers.AetherWave;

/// <summary>Reads AetherWave's three status answers (image task, video task, video background job) as <see cref="ProviderUpdate"/>s.</summary>
internal static class AetherWaveStatus
{
    /// <summary><c>GET /api/generate-image/status/{taskId}</c>.</summary>
    public static async Task<ProviderUpdate> ImageAsync(ProviderHttp http, HttpResponseMessage response, MediaRequest request, CancellationToken cancellationToken)
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
                    ? Succeeded(http, images, status.ActualCreditCost, request)
                    : new ProviderUpdate.Failed("empty_result", "AetherWave finished the job but returned no images.");
            case "FAILED":
                return AetherWaveErrors.GenerationFailed(status.Error ?? status.Message);
            case "PENDING" or "QUEUED" or "WAITING":
                return new ProviderUpdate.Running(null, "Waiting at AetherWave…");
            default:
                // Any other state (PROCESSING, RUNNING, …) is read as "still working"; the document names only the two final ones.
                return new ProviderUpdate.Running(status.Progress, "AetherWave is working…");
        }
    }

    /// <summary><c>GET /api/generate-video/status/{taskId}</c>.</summary>
    public static async Task<ProviderUpdate> VideoAsync(ProviderHttp http, HttpResponseMessage response, MediaRequest request, CancellationToken cancellationToken)
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
            return Succeeded(http, urls, status.CreditCost, request);
        }

        return status.State?.ToLowerInvariant() switch
        {
            "failed" or "error" => AetherWaveErrors.GenerationFailed(status.Error ?? status.Message),
            "completed" => new ProviderUpdate.Failed("empty_result", "AetherWave finished the video but returned no link to it."),
            "pending" => new ProviderUpdate.Running(null, "Waiting at AetherWave…"),
            _ => new ProviderUpdate.Running(status.Progress, "AetherWave is rendering the video…"),
        };
    }

    /// <summary><c>GET /api/video/progress/{jobId}</c>, whose answer the document does not show: status|state, progress (0–100), videoUrl.</summary>
    public static async Task<ProviderUpdate> VideoProgressAsync(ProviderHttp http, HttpResponseMessage response, MediaRequest request, CancellationToken cancellationToken)
    {
        if (await TaskPoller.StatusFailureAsync(http, response, cancellationToken).ConfigureAwait(false) is { } failed)
        {
            return failed;
        }

        var progress = await http.ReadJsonAsync<AetherWaveWire.VideoProgress>(response, cancellationToken).ConfigureAwait(false);
        if (progress.VideoUrl is { Length: > 0 } url)
        {
            return Succeeded(http, [url], progress.CreditCost, request);
        }

        return (progress.Status ?? progress.State)?.ToLowerInvariant() switch
        {
            "failed" or "error" => AetherWaveErrors.GenerationFailed(progress.Error ?? progress.Message),
            "completed" or "complete" => new ProviderUpdate.Failed("empty_result", "AetherWave finished but returned no video."),
            _ => new ProviderUpdate.Running(progress.Progress, "Removing the background…"),
        };
    }

    /// <summary>The result links as outputs; a link on an untrusted host fails the job instead.</summary>
    public static ProviderUpdate Succeeded(ProviderHttp http, IReadOnlyList<string> urls, decimal? cost, MediaRequest request)
    {
        try
        {
            var outputs = urls.Select((u, i) => http.Results.RemoteOutput(u, $"{request.JobId}-{i + 1}")).ToList();
            return new ProviderUpdate.Succeeded(outputs, cost);
        }
        catch (ProviderException e)
        {
            return new ProviderUpdate.Failed(e.Code, e.Message);
        }
    }

    public static List<string> VideoUrls(string? one, IReadOnlyList<string>? many) =>
        many is { Count: > 0 } ? [.. many] : one is { Length: > 0 } ? [one] : [];
}
