using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace ChatBot.Providers.Http;

/// <summary>
/// The resilience pipelines of one provider. Polls and downloads are retried (exponential back-off with
/// jitter, <c>Retry-After</c> honoured); a submit that starts paid work is retried only when it provably
/// never reached the provider (connection refused) or the provider said 429/503. Both share one circuit
/// breaker, whose state feeds <see cref="Core.Providers.IMediaProvider.IsAvailable"/>.
/// </summary>
internal sealed class ProviderResilience
{
    private readonly CircuitBreakerStateProvider _circuit = new();
    private long _openUntilTicks;

    public ProviderResilience(ProviderOptions options, TimeProvider time)
    {
        var breaker = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = 0.5,
                MinimumThroughput = options.CircuitMinimumThroughput,
                SamplingDuration = TimeSpan.FromSeconds(60),
                BreakDuration = options.CircuitBreakDuration,
                StateProvider = _circuit,
                OnOpened = args =>
                {
                    Interlocked.Exchange(ref _openUntilTicks, (time.GetUtcNow() + args.BreakDuration).UtcTicks);
                    return default;
                },
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => (int)r.StatusCode >= 500),
            })
            .Build();

        Poll = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(Retry(options, time, new PredicateBuilder<HttpResponseMessage>()
                .Handle<HttpRequestException>()
                .Handle<TimeoutRejectedException>()
                .HandleResult(r => r.StatusCode == HttpStatusCode.TooManyRequests || (int)r.StatusCode >= 500)))
            .AddPipeline(breaker)
            .AddTimeout(options.AttemptTimeout)
            .Build();

        Submit = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(Retry(options, time, new PredicateBuilder<HttpResponseMessage>()
                .Handle<HttpRequestException>(NeverReached)
                .HandleResult(r => r.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)))
            .AddPipeline(breaker)
            .AddTimeout(options.SubmitTimeout)
            .Build();
    }

    /// <summary>For status polls and result downloads: safe to repeat.</summary>
    public ResiliencePipeline<HttpResponseMessage> Poll { get; }

    /// <summary>For the request that starts paid work: repeated only when it cannot have created a job.</summary>
    public ResiliencePipeline<HttpResponseMessage> Submit { get; }

    public bool IsBroken => _circuit.CircuitState is CircuitState.Open or CircuitState.Isolated;

    /// <summary>When the open circuit lets a trial request through again (for the health report).</summary>
    public DateTimeOffset? OpenUntil => IsBroken && Interlocked.Read(ref _openUntilTicks) is > 0 and var ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>True when the connection was refused: the request cannot have reached the provider.</summary>
    public static bool NeverReached(Exception exception) =>
        exception is HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } }
            or HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError };

    private static RetryStrategyOptions<HttpResponseMessage> Retry(ProviderOptions options, TimeProvider time, PredicateBuilder<HttpResponseMessage> shouldHandle) => new()
    {
        ShouldHandle = shouldHandle,
        MaxRetryAttempts = Math.Max(1, options.MaxRetries),
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = options.RetryDelay,
        MaxDelay = options.MaxRetryAfter,
        DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, options.MaxRetryAfter, time)),
        OnRetry = args =>
        {
            args.Outcome.Result?.Dispose();
            return default;
        },
    };

    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan max, TimeProvider time)
    {
        var header = response?.Headers.RetryAfter;
        if (header is null)
        {
            return null;
        }

        var delay = header.Delta ?? (header.Date is { } date ? date - time.GetUtcNow() : null);
        return delay is { } d ? TimeSpan.FromTicks(Math.Clamp(d.Ticks, 0, max.Ticks)) : null;
    }
}
