namespace ChatBot.Discord.Rest;

/// <summary>
/// Discord's invalid-request cap: 10,000 answers of 401, 403 or 429 (but 429s of scope <c>shared</c>) in 10 minutes
/// get the bot's IP banned by Cloudflare for an hour. Counts them over a sliding window and, from half the cap on,
/// spaces requests so that what is left of the budget lasts the window even if every request failed.
/// </summary>
internal sealed class InvalidRequestBudget(TimeProvider time)
{
    public const int Limit = 10_000;
    public const int SlowDownAt = Limit / 2;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _invalid = new();
    private DateTimeOffset _nextAllowed;
    private bool _pacing;

    /// <summary>Called with the count when pacing starts (once each time the count crosses half the cap).</summary>
    public Action<int>? PacingStarted { get; init; }

    /// <summary>Invalid answers in the last 10 minutes.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                Prune(time.GetUtcNow());
                return _invalid.Count;
            }
        }
    }

    /// <summary>Counts an answer if Discord counts it against the cap; true when it did.</summary>
    public bool Record(HttpStatusCode status, string? scope)
    {
        if (status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests)
            || (status == HttpStatusCode.TooManyRequests && string.Equals(scope, "shared", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        lock (_gate)
        {
            _invalid.Enqueue(time.GetUtcNow());
        }

        return true;
    }

    /// <summary>How long the next request must wait (zero below half the cap), and takes its slot.</summary>
    public TimeSpan Take()
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            Prune(now);
            if (_invalid.Count < SlowDownAt)
            {
                _pacing = false;
                return TimeSpan.Zero;
            }

            if (!_pacing)
            {
                _pacing = true;
                PacingStarted?.Invoke(_invalid.Count);
            }

            if (_nextAllowed > now)
            {
                return _nextAllowed - now;
            }

            _nextAllowed = now + (Window / Math.Max(1, Limit - _invalid.Count));
            return TimeSpan.Zero;
        }
    }

    private void Prune(DateTimeOffset now)
    {
        while (_invalid.Count > 0 && now - _invalid.Peek() >= Window)
        {
            _invalid.Dequeue();
        }
    }
}
