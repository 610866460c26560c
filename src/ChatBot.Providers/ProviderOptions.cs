namespace ChatBot.Providers;

/// <summary>
/// Settings of one remote provider, bound from <c>Providers:&lt;Name&gt;</c>
/// (<c>AetherWave</c>, <c>ImageStudio</c>, <c>Blackwave</c>, <c>AetherForge</c>).
/// A provider without <see cref="ApiKey"/> is shown as unavailable.
/// </summary>
internal sealed class ProviderOptions : IValidatableObject
{
    /// <summary>The provider's key. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The API root; defaults to the host the provider's document names.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Hosts results may be downloaded from, besides the host of <see cref="BaseUrl"/>.</summary>
    public List<string> MediaHosts { get; set; } = [];

    /// <summary>How long one HTTP attempt (a status poll, a download's headers) may take.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the request that starts paid work may take. Never retried after it was sent.</summary>
    public TimeSpan SubmitTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Pause between status polls (the documents ask for 5 s).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a task may run before the bot gives up on it (a model's own timeout wins when shorter).</summary>
    public TimeSpan MaxTaskDuration { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a streaming answer may stay silent before the job is failed.</summary>
    public TimeSpan StreamIdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First back-off delay of retried polls and downloads (doubles, with jitter).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest <c>Retry-After</c> the bot is willing to wait for one retry.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Consecutive-ish failures (ratio over the sampling window) that open the circuit.</summary>
    [Range(2, 1000)]
    public int CircuitMinimumThroughput { get; set; } = 6;

    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest result file accepted (downloaded or base64).</summary>
    [Range(1024, long.MaxValue)]
    public long MaxResultBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Largest result image in pixels (decompression bombs).</summary>
    [Range(1, long.MaxValue)]
    public long MaxResultPixels { get; set; } = 100_000_000;

    /// <summary>How often a provider with a live price list (AetherWave's video pricing) is read again; zero: only the catalog's prices.</summary>
    public TimeSpan PricingRefreshInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often a provider with a health endpoint (Image Studio) is checked.</summary>
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>ffmpeg, for the providers that need a file converted (Blackwave's JPEG masks).</summary>
    public string FfmpegPath { get; set; } = "ffmpeg";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BaseUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
        {
            yield return new ValidationResult("BaseUrl must be an absolute http(s) URL.", [nameof(BaseUrl)]);
        }

        foreach (var (value, name) in new[]
        {
            (AttemptTimeout, nameof(AttemptTimeout)), (SubmitTimeout, nameof(SubmitTimeout)), (PollInterval, nameof(PollInterval)),
            (MaxTaskDuration, nameof(MaxTaskDuration)), (StreamIdleTimeout, nameof(StreamIdleTimeout)), (CircuitBreakDuration, nameof(CircuitBreakDuration)), (HealthCheckInterval, nameof(HealthCheckInterval)),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return new ValidationResult($"{name} must be positive.", [name]);
            }
        }

        if (RetryDelay < TimeSpan.Zero || MaxRetryAfter < TimeSpan.Zero)
        {
            yield return new ValidationResult("RetryDelay and MaxRetryAfter must not be negative.", [nameof(RetryDelay)]);
        }
    }
}
