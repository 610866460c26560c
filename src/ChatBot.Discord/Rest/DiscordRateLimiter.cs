namespace ChatBot.Discord.Rest;

/// <summary>
/// Discord's rate limits: one bucket per route (learnt from the X-RateLimit-* headers), the global
/// 50 requests per second, and pauses ordered by 429 answers. Interaction callbacks and interaction webhooks
/// skip the global limit and its pauses. The global limit is the bot's, across every worker: each keeps to its
/// <see cref="ChatBot.Core.Platform.WorkerShare"/> of it (50 ÷ live workers).
/// </summary>
internal sealed partial class DiscordRateLimiter(TimeProvider time, ILogger<DiscordRateLimiter> logger, ChatBot.Core.Platform.WorkerShare? share = null)
{
    private readonly InvalidRequestBudget _invalid = new(time) { PacingStarted = count => Log.Pacing(logger, count, InvalidRequestBudget.Limit) };

    public const int GlobalPerSecond = 50;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _routeToBucket = [];
    private readonly Dictionary<string, Bucket> _buckets = [];
    private readonly Queue<DateTimeOffset> _globalWindow = new();
    private DateTimeOffset _globalPausedUntil;

    /// <summary>Waits until a request on <paramref name="route"/> may go, and counts it.</summary>
    public async Task WaitAsync(string route, bool exemptFromGlobal, CancellationToken cancellationToken)
    {
        // Interaction callbacks have 3 s; everything else slows down when too many requests failed lately.
        while (!exemptFromGlobal && _invalid.Take() is { } pause && pause > TimeSpan.Zero)
        {
            await Task.Delay(pause, time, cancellationToken).ConfigureAwait(false);
        }

        while (true)
        {
            var wait = TryTake(route, exemptFromGlobal);
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Invalid answers (401, 403, 429 but shared) in the last 10 minutes.</summary>
    public int InvalidRequests => _invalid.Count;

    /// <summary>Reads the bucket headers of a response, and counts it if it was an invalid request.</summary>
    public void Update(string route, HttpStatusCode status, HttpResponseHeaders headers)
    {
        _invalid.Record(status, Header(headers, "X-RateLimit-Scope"));
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var key = BucketKey(route);
            var sent = Get(key);
            sent.InFlight = Math.Max(0, sent.InFlight - 1);
            if (Header(headers, "X-RateLimit-Bucket") is { } bucketHash)
            {
                key = bucketHash + "|" + MajorPart(route);
                _routeToBucket[route] = key;
            }

            var bucket = Get(key);
            if (Number(headers, "X-RateLimit-Limit") is { } limit)
            {
                bucket.Limit = (int)limit;
            }

            if (Number(headers, "X-RateLimit-Remaining") is { } remaining)
            {
                bucket.Remaining = (int)remaining;
            }

            if (Number(headers, "X-RateLimit-Reset-After") is { } resetAfter)
            {
                bucket.ResetAt = now + TimeSpan.FromSeconds(resetAfter);
            }
        }
    }

    /// <summary>Records a 429: pauses the route's bucket, or every request when it was global.</summary>
    public void OnTooManyRequests(string route, TimeSpan retryAfter, bool global)
    {
        var until = time.GetUtcNow() + retryAfter;
        lock (_gate)
        {
            if (global)
            {
                if (until > _globalPausedUntil)
                {
                    _globalPausedUntil = until;
                }

                return;
            }

            var bucket = Get(BucketKey(route));
            bucket.Remaining = 0;
            bucket.ResetAt = until > bucket.ResetAt ? until : bucket.ResetAt;
        }
    }

    /// <summary>Forgets an in-flight request that got no answer.</summary>
    public void Release(string route)
    {
        lock (_gate)
        {
            var bucket = Get(BucketKey(route));
            bucket.InFlight = Math.Max(0, bucket.InFlight - 1);
        }
    }

    private TimeSpan TryTake(string route, bool exemptFromGlobal)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            // Interaction callbacks and webhooks are exempt from the global limit, its pauses included:
            // an ack held past 3 s loses the interaction.
            if (!exemptFromGlobal && _globalPausedUntil > now)
            {
                return _globalPausedUntil - now;
            }

            var bucket = Get(BucketKey(route));
            if (bucket.ResetAt <= now && bucket.Remaining < (bucket.Limit ?? 1))
            {
                // The window has passed: the bucket is full again.
                bucket.Remaining = bucket.Limit ?? 1;
            }

            // Keep requests on one bucket from racing past its last slot while their answers are pending.
            if (bucket.Remaining - bucket.InFlight <= 0)
            {
                return bucket.ResetAt > now ? bucket.ResetAt - now : TimeSpan.FromMilliseconds(5);
            }

            if (!exemptFromGlobal)
            {
                while (_globalWindow.Count > 0 && now - _globalWindow.Peek() >= TimeSpan.FromSeconds(1))
                {
                    _globalWindow.Dequeue();
                }

                if (_globalWindow.Count >= (share?.Of(GlobalPerSecond) ?? GlobalPerSecond))
                {
                    return _globalWindow.Peek() + TimeSpan.FromSeconds(1) - now;
                }

                _globalWindow.Enqueue(now);
            }

            bucket.InFlight++;
            return TimeSpan.Zero;
        }
    }

    private string BucketKey(string route) => _routeToBucket.GetValueOrDefault(route) ?? route;

    private Bucket Get(string key)
    {
        if (!_buckets.TryGetValue(key, out var bucket))
        {
            bucket = new Bucket();
            _buckets[key] = bucket;
        }

        return bucket;
    }

    /// <summary>The major parameter of a route key ("PATCH channels/123/messages/{id}" → "channels/123").</summary>
    private static string MajorPart(string route)
    {
        var space = route.IndexOf(' ', StringComparison.Ordinal);
        var segments = route[(space + 1)..].Split('/');
        return segments.Length >= 2 ? segments[0] + "/" + segments[1] + (segments[0] == "webhooks" && segments.Length > 2 ? "/" + segments[2] : "") : route;
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static double? Number(HttpResponseHeaders headers, string name) =>
        Header(headers, name) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private sealed class Bucket
    {
        public int Remaining { get; set; } = int.MaxValue;
        public int? Limit { get; set; }
        public int InFlight { get; set; }
        public DateTimeOffset ResetAt { get; set; }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Discord answered {Count} invalid requests (401/403/429) in 10 minutes, of the {Limit} that get the IP banned; spacing requests out")]
        public static partial void Pacing(ILogger logger, int count, int limit);
    }
}
