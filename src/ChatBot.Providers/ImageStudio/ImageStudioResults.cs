namespace ChatBot.Providers.ImageStudio;

/// <summary>Reads ALwrity Image Studio's synchronous answers (create, single image, social formats) as <see cref="ProviderUpdate"/>s.</summary>
internal static class ImageStudioResults
{
    /// <summary>The answer to the job's request, read by the shape its operation answers with.</summary>
    public static Task<ProviderUpdate> ReadAsync(ProviderHttp http, HttpResponseMessage response, MediaRequest request, decimal? cost, CancellationToken cancellationToken) => request.Operation switch
    {
        MediaOperation.Imagine => CreateAsync(http, response, request, cost, cancellationToken),
        MediaOperation.Social => SocialAsync(http, response, request, cost, cancellationToken),
        _ => ImageAsync(http, response, request, cost, cancellationToken),
    };

    private static async Task<ProviderUpdate> CreateAsync(ProviderHttp http, HttpResponseMessage response, MediaRequest request, decimal? cost, CancellationToken cancellationToken)
    {
        var answer = await http.ReadJsonAsync<ImageStudioWire.CreateAnswer>(response, cancellationToken).ConfigureAwait(false);
        var images = (answer.Results ?? []).Where(r => !string.IsNullOrEmpty(r.ImageBase64)).ToList();
        if (!answer.Success || images.Count == 0)
        {
            return new ProviderUpdate.Failed("generation_failed", "ALwrity Image Studio could not generate any image for this prompt.");
        }

        var outputs = images.Select((r, i) => http.Results.DecodeBase64(r.ImageBase64, $"{request.JobId}-{i + 1}")).ToList();
        var note = answer.TotalFailed is > 0 ? $"{answer.TotalFailed} of {answer.TotalFailed + outputs.Count} variations failed." : null;

        // The estimate was for the requested count; charge only for what came back.
        var actual = cost is { } c && request.Options.Count is > 0 and var n ? c * outputs.Count / n : cost;
        return new ProviderUpdate.Succeeded(outputs, actual, note);
    }

    private static async Task<ProviderUpdate> ImageAsync(ProviderHttp http, HttpResponseMessage response, MediaRequest request, decimal? cost, CancellationToken cancellationToken)
    {
        var answer = await http.ReadJsonAsync<ImageStudioWire.ImageAnswer>(response, cancellationToken).ConfigureAwait(false);
        return answer.Success && !string.IsNullOrEmpty(answer.ImageBase64)
            ? new ProviderUpdate.Succeeded([http.Results.DecodeBase64(answer.ImageBase64, $"{request.JobId}-1")], cost)
            : new ProviderUpdate.Failed("generation_failed", "ALwrity Image Studio could not process this image.");
    }

    private static async Task<ProviderUpdate> SocialAsync(ProviderHttp http, HttpResponseMessage response, MediaRequest request, decimal? cost, CancellationToken cancellationToken)
    {
        var answer = await http.ReadJsonAsync<ImageStudioWire.SocialAnswer>(response, cancellationToken).ConfigureAwait(false);
        var results = (answer.Results ?? []).Where(r => !string.IsNullOrEmpty(r.ImageBase64)).ToList();
        if (!answer.Success || results.Count == 0)
        {
            return new ProviderUpdate.Failed("generation_failed", "ALwrity Image Studio could not make any social format from this image.");
        }

        // One result per platform format, named after it so the member can tell them apart.
        var outputs = results.Select(r => http.Results.DecodeBase64(r.ImageBase64, $"{request.JobId}-{Slug(r.Platform)}-{Slug(r.Format)}")).ToList();
        return new ProviderUpdate.Succeeded(outputs, cost, string.Join(", ", results.Select(r => $"{r.Platform}: {r.Format}")));
    }

    private static string Slug(string? text) =>
        new string([.. (text ?? "image").ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')]).Trim('-');
}
