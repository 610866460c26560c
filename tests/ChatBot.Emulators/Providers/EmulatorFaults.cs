namespace ChatBot.Emulators.Providers;

/// <summary>Switches a test flips to make a provider emulator misbehave. Thread-safe enough for tests.</summary>
public sealed class EmulatorFaults
{
    private int _serverErrors;
    private int _rateLimits;
    private int _unavailable;

    /// <summary>Which requests <see cref="Delay"/>, server errors, 429s and 503s hit.</summary>
    public FaultScope Scope { get; set; } = FaultScope.Any;

    /// <summary>Every request in <see cref="Scope"/> answers this much later.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>The submit creates its job, then waits this long before answering (a timeout after acceptance).</summary>
    public TimeSpan DelayAfterAccept { get; set; }

    /// <summary>The next N requests in scope answer 500.</summary>
    public int ServerErrors { get => _serverErrors; set => _serverErrors = value; }

    /// <summary>The next N requests in scope answer 429 with <see cref="RetryAfterSeconds"/>.</summary>
    public int RateLimits { get => _rateLimits; set => _rateLimits = value; }

    /// <summary>The next N requests in scope answer 503 with <see cref="RetryAfterSeconds"/>.</summary>
    public int Unavailable { get => _unavailable; set => _unavailable = value; }

    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Answers in scope carry a broken JSON body.</summary>
    public bool MalformedJson { get; set; }

    /// <summary>Tasks end FAILED (with <see cref="FailureMessage"/>) instead of succeeding.</summary>
    public bool TaskFails { get; set; }

    public string FailureMessage { get; set; } = "Content generation failed";

    /// <summary>A streaming answer ends after its first lines, without a result.</summary>
    public bool StreamStopsHalfway { get; set; }

    /// <summary>Every key is refused.</summary>
    public bool RejectAuth { get; set; }

    /// <summary>Result URLs answer 404.</summary>
    public bool ResultNotFound { get; set; }

    /// <summary>Result URLs point at another host name (localhost instead of 127.0.0.1).</summary>
    public bool ForeignResultHost { get; set; }

    /// <summary>A provider-specific error code to answer the next submit with (e.g. Blackwave's <c>nsfw_detected</c>).</summary>
    public string? SubmitErrorCode { get; set; }

    internal bool InScope(FaultScope scope) => Scope == FaultScope.Any || Scope == scope;

    internal bool TakeServerError() => Take(ref _serverErrors);

    internal bool TakeRateLimit() => Take(ref _rateLimits);

    internal bool TakeUnavailable() => Take(ref _unavailable);

    private static bool Take(ref int counter)
    {
        while (true)
        {
            var current = Volatile.Read(ref counter);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref counter, current - 1, current) == current)
            {
                return true;
            }
        }
    }
}
