namespace ChatBot.Slack.WebApi;

/// <summary>
/// Keeps the bot inside Slack's published per-method tiers before Slack has to say 429: a token bucket
/// per method (per channel for chat.postMessage). Tier 3 ≈ 50 calls a minute, Tier 4 ≈ 100, with a
/// short burst allowed; chat.postMessage about one message a second per channel. Methods without a
/// tier here are not paced. 429s that still happen are waited out by <see cref="SlackApiClient"/>. The tiers are the
/// workspace's, across every worker: each keeps to its <see cref="ChatBot.Core.Platform.WorkerShare"/> (rate and burst ÷ live workers).
/// </summary>
internal sealed class SlackRatePacer(TimeProvider time, IOptions<SlackOptions> options, ChatBot.Core.Platform.WorkerShare? share = null)
{
    private static readonly Dictionary<string, (double PerMinute, double Burst)> Tiers = new(StringComparer.Ordinal)
    {
        ["chat.postMessage"] = (60, 5),
        ["chat.update"] = (50, 10),
        ["chat.delete"] = (50, 10),
        ["chat.postEphemeral"] = (100, 20),
        ["files.getUploadURLExternal"] = (100, 20),
        ["files.completeUploadExternal"] = (100, 20),
        ["files.info"] = (100, 20),
        ["files.delete"] = (50, 10),
        ["views.open"] = (100, 20),
        ["users.info"] = (100, 20),
    };

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>How long the caller must wait before sending; the call's slot is reserved.</summary>
    public TimeSpan Reserve(string method, string key)
    {
        if (!TryGetTier(method, out var tier))
        {
            return TimeSpan.Zero;
        }

        var workers = share?.LiveWorkers ?? 1;
        var perSecond = tier.PerMinute / 60.0 / workers;
        var burst = Math.Max(1, tier.Burst / workers);
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (!_buckets.TryGetValue(key, out var bucket))
            {
                bucket = new Bucket { Tokens = burst, Updated = now };
                _buckets[key] = bucket;
            }

            bucket.Tokens = Math.Min(burst, bucket.Tokens + ((now - bucket.Updated).TotalSeconds * perSecond));
            bucket.Updated = now;
            bucket.Tokens -= 1;
            return bucket.Tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-bucket.Tokens / perSecond);
        }
    }

    /// <summary>
    /// The history methods' tier is the app's: Tier 3 for internal apps, one call a minute (no burst) for apps distributed
    /// outside the Marketplace since 2025-05-29 (<see cref="SlackOptions.HistoryCallsPerMinute"/>).
    /// </summary>
    private bool TryGetTier(string method, out (double PerMinute, double Burst) tier)
    {
        if (method is "conversations.history" or "conversations.replies")
        {
            var perMinute = options.Value.HistoryCallsPerMinute;
            tier = (perMinute, Math.Max(1, perMinute / 5));
            return true;
        }

        return Tiers.TryGetValue(method, out tier);
    }

    private sealed class Bucket
    {
        public double Tokens { get; set; }
        public DateTimeOffset Updated { get; set; }
    }
}
