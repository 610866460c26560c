namespace ChatBot.Providers.ImageStudio;

/// <summary>
/// ALwrity Image Studio (document 001): Bearer auth, everything under <c>/api/image-studio</c>, synchronous
/// answers with base64 images. Create, the edit operations, upscale, control and the social optimizer; a cost
/// estimate before each run gives the actual cost; <c>/health</c> feeds availability. Bodies come from
/// <see cref="ImageStudioRequests"/>, answers are read by <see cref="ImageStudioResults"/>, refusals by
/// <see cref="ImageStudioErrors"/>.
/// </summary>
internal sealed class ImageStudioProvider(ProviderHttp http, ILogger<ImageStudioProvider> logger) : RemoteProvider(http, logger), IMediaProvider, IProviderTemplates, IProviderCapabilities
{
    private const string Root = ImageStudioRequests.Root;

    /// <summary>How long /models reuses the template list before asking again.</summary>
    private static readonly TimeSpan TemplateCacheDuration = TimeSpan.FromMinutes(5);

    private volatile bool _unhealthy;
    private readonly ImageStudioCatalog _catalog = new(http);
    private volatile CachedTemplates? _templates;
    private volatile CachedLines? _capabilities;

    /// <summary>Key present, circuit closed, and the last health check (if any) said healthy.</summary>
    public override bool IsAvailable => base.IsAvailable && !_unhealthy;

    public override ProviderStatus Status => base.Status.State == "ok" && _unhealthy ? new("degraded", "its /health check failed") : base.Status;

    /// <summary>Asks <c>/health</c>; the answer feeds <see cref="IsAvailable"/> (the router skips an unhealthy provider).</summary>
    public async Task<bool> CheckHealthAsync(CancellationToken cancellationToken)
    {
        bool healthy;
        try
        {
            using var response = await Http.GetAsync(Root + "health", cancellationToken).ConfigureAwait(false);
            healthy = response.IsSuccessStatusCode
                && (await Http.ReadJsonAsync<ImageStudioWire.Health>(response, cancellationToken).ConfigureAwait(false)).Status == "healthy";
        }
        catch (ProviderException)
        {
            healthy = false;
        }

        _unhealthy = !healthy;
        return healthy;
    }

    /// <summary>All templates, for /models; a successful answer is reused for a few minutes.</summary>
    async Task<IReadOnlyList<ProviderTemplate>> IProviderTemplates.GetTemplatesAsync(CancellationToken cancellationToken)
    {
        var now = Http.Time.GetUtcNow();
        if (_templates is { } cached && now < cached.Until)
        {
            return cached.Templates;
        }

        EnsureConfigured();

        var templates = await GetTemplatesAsync(null, null, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<ProviderTemplate> list = [.. templates.Select(t => new ProviderTemplate(t.Id, t.Name, Note(t)))];
        _templates = new CachedTemplates(list, now + TemplateCacheDuration);
        return list;
    }

    private static string? Note(ImageStudioTemplate t) => (t.Ratio, t.Width, t.Height) switch
    {
        ({ Length: > 0 } ratio, { } w, { } h) => $"{ratio}, {w}×{h}",
        ({ Length: > 0 } ratio, _, _) => ratio,
        (_, { } w, { } h) => $"{w}×{h}",
        _ => null,
    };

    /// <summary>The templates Image Studio offers, optionally for one platform or category.</summary>
    public Task<IReadOnlyList<ImageStudioTemplate>> GetTemplatesAsync(string? platform, string? category, CancellationToken cancellationToken) =>
        _catalog.TemplatesAsync(new TemplateQuery(platform, category), cancellationToken);

    /// <summary>/templates: a platform's or category's templates, a search or a recommendation (not cached: each query differs).</summary>
    public async Task<IReadOnlyList<ProviderTemplate>> FindTemplatesAsync(TemplateQuery query, CancellationToken cancellationToken)
    {
        EnsureConfigured();
        var found = await _catalog.TemplatesAsync(query, cancellationToken).ConfigureAwait(false);
        return [.. found.Select(t => new ProviderTemplate(t.Id, t.Name, Note(t)))];
    }

    /// <summary>/templates &lt;platform&gt;: the social optimizer's formats and the platform's specs.</summary>
    public Task<PlatformFormats?> GetPlatformFormatsAsync(string platform, CancellationToken cancellationToken)
    {
        EnsureConfigured();
        return _catalog.PlatformAsync(platform, cancellationToken);
    }

    /// <summary>/models: the providers behind Image Studio and its edit and control operations, reused for a few minutes.</summary>
    public async Task<IReadOnlyList<string>> DescribeCapabilitiesAsync(CancellationToken cancellationToken)
    {
        var now = Http.Time.GetUtcNow();
        if (_capabilities is { } cached && now < cached.Until)
        {
            return cached.Lines;
        }

        EnsureConfigured();
        var lines = await _catalog.CapabilitiesAsync(cancellationToken).ConfigureAwait(false);
        _capabilities = new CachedLines(lines, now + TemplateCacheDuration);
        return lines;
    }

    /// <summary>Runs the job: Image Studio answers synchronously, so the result comes back as the submission's immediate result.</summary>
    public async Task<Submission> SubmitAsync(MediaRequest request, CancellationToken cancellationToken)
    {
        EnsureConfigured();

        var (post, estimateOperation) = await ImageStudioRequests.BuildAsync(request, cancellationToken).ConfigureAwait(false);
        var cost = await EstimateAsync(request, estimateOperation, cancellationToken).ConfigureAwait(false);
        using var response = await Http.SubmitAsync(post, cancellationToken).ConfigureAwait(false);
        await Http.EnsureSuccessAsync(response, ImageStudioErrors.ToException, cancellationToken).ConfigureAwait(false);

        ProviderUpdate result;
        try
        {
            result = await ImageStudioResults.ReadAsync(Http, response, request, cost, cancellationToken).ConfigureAwait(false);
        }
        catch (ProviderException e) when (e.Code is "malformed_answer" or "result_too_large" or "result_not_media")
        {
            // The work was done (and billed) but the answer was unusable: a failed result, not a refusal.
            result = new ProviderUpdate.Failed(e.Code, e.Message);
        }

        var remoteId = $"is-{request.JobId}";
        LogAccepted(request.JobId, remoteId);
        return new Submission(remoteId, null, result);
    }

    /// <summary>
    /// The engine delivers the result that came with the submit; it asks here only for a job whose submit
    /// answer was lost (a restart), and that cannot be picked up again: there is no job id on the wire.
    /// </summary>
    public async IAsyncEnumerable<ProviderUpdate> TrackAsync(MediaRequest request, Submission submission, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        yield return new ProviderUpdate.Failed("result_lost", "ALwrity Image Studio's answer was lost when the bot restarted, so the job was stopped.");
    }

    /// <summary>The cost estimate the document recommends before running; null when the estimate is unavailable.</summary>
    private async Task<decimal?> EstimateAsync(MediaRequest request, string operation, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Http.PostRepeatableAsync(ImageStudioRequests.Estimate(request, operation), cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                if ((int)response.StatusCode is 401 or 403)
                {
                    throw Http.Unauthorized();
                }

                return null;
            }

            return (await Http.ReadJsonAsync<ImageStudioWire.Estimate>(response, cancellationToken).ConfigureAwait(false)).EstimatedCost;
        }
        catch (ProviderException e) when (e.Code != "provider_auth")
        {
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException and not ProviderException)
        {
            // An estimate is advice: without it the engine charges the quoted price.
            return null;
        }
    }

    private sealed record CachedTemplates(IReadOnlyList<ProviderTemplate> Templates, DateTimeOffset Until);

    private sealed record CachedLines(IReadOnlyList<string> Lines, DateTimeOffset Until);
}
