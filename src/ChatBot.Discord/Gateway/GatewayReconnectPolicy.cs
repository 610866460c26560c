using ChatBot.Discord.Rest.Models;

namespace ChatBot.Discord.Gateway;

/// <summary>
/// How long to wait before the next gateway connection. Discord resets the bot token after 1,000 identifies
/// in 24 hours, so identifies are paced by the budget <c>GET /gateway/bot</c> reports (<c>session_start_limit</c>):
/// never more than one per 5 s for this shard's bucket, none while the budget is spent, and spread out evenly
/// once a quarter of it is left. The back-off grows with every session that ends before it stayed up for
/// <see cref="StableAfter"/> (READY or RESUMED alone proves nothing: a session that drops right after it is a
/// loop), and starts from zero only after one that did.
/// </summary>
/// <param name="sharedBuckets">True when the shards of one process share <see cref="IdentifyBuckets"/>, which then space their identifies.</param>
internal sealed class GatewayReconnectPolicy(TimeProvider time, Func<double> random, int shardId = 0, bool sharedBuckets = false)
{
    /// <summary>A session that stays up this long ends the back-off.</summary>
    public static readonly TimeSpan StableAfter = TimeSpan.FromMinutes(1);

    /// <summary>Discord's identify window: <c>max_concurrency</c> identifies per bucket per 5 s.</summary>
    public static readonly TimeSpan IdentifyWindow = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(2);
    private DateTimeOffset? _lastIdentify;
    private SessionStartLimit? _limit;
    private DateTimeOffset _resetAt;
    private int _remaining;

    /// <summary>Connections in a row that failed or ended before they were stable.</summary>
    public int Failures { get; private set; }

    /// <summary>Identifies left before the budget resets (as far as the bot knows), or null before the first read.</summary>
    public int? Remaining => _limit is null ? null : _remaining;

    /// <summary>Takes the budget Discord just reported.</summary>
    public void OnLimit(SessionStartLimit limit)
    {
        _limit = limit;
        _remaining = limit.Remaining;
        _resetAt = time.GetUtcNow() + TimeSpan.FromMilliseconds(Math.Max(0, limit.ResetAfter));
    }

    /// <summary>The back-off before the next connection attempt: zero after a stable session, then growing, jittered.</summary>
    public TimeSpan Backoff() => Failures == 0 ? TimeSpan.Zero : Backoff(Failures);

    /// <summary>This shard's identify bucket: <c>shard_id % max_concurrency</c>.</summary>
    public int Bucket => shardId % Math.Max(1, _limit?.MaxConcurrency ?? 1);

    /// <summary>The further wait before an Identify (at least <paramref name="minimum"/>), as the identify budget and its 5-second window ask.</summary>
    public TimeSpan IdentifyDelay(TimeSpan minimum = default)
    {
        var now = time.GetUtcNow();
        var at = now + minimum;
        var concurrency = Math.Max(1, _limit?.MaxConcurrency ?? 1);
        if (_lastIdentify is { } last)
        {
            at = Later(at, last + IdentifyWindow);
        }
        else if (shardId >= concurrency && !sharedBuckets)
        {
            // Shards sharing a bucket must not identify in the same window: start in bucket order.
            at = now + (IdentifyWindow * (shardId / concurrency));
        }

        if (_limit is { } limit && _resetAt > now)
        {
            if (_remaining <= 0)
            {
                at = Later(at, _resetAt);
            }
            else if (_remaining <= limit.Total / 4 && _lastIdentify is { } previous)
            {
                // Spread what is left over the time left, so the budget never runs out before it resets.
                at = Later(at, previous + ((_resetAt - previous) / _remaining));
            }
        }

        return at - now;
    }

    /// <summary>Counts an identify that is about to be sent.</summary>
    public void OnIdentify()
    {
        var now = time.GetUtcNow();
        _lastIdentify = now;
        if (_limit is not null)
        {
            if (_resetAt <= now)
            {
                _remaining = _limit.Total;
                _resetAt = now + TimeSpan.FromDays(1);
            }

            _remaining--;
        }
    }

    /// <summary>A connection attempt that never got a session (unreachable, refused, timed out).</summary>
    public void OnConnectFailed() => Failures++;

    /// <summary>A connection ended; <paramref name="establishedAt"/> is when READY or RESUMED arrived, if it did.</summary>
    public void OnConnectionEnded(DateTimeOffset? establishedAt)
    {
        if (establishedAt is { } at && time.GetUtcNow() - at >= StableAfter)
        {
            Failures = 0;
            return;
        }

        Failures++;
    }

    private TimeSpan Backoff(int failures)
    {
        var ceiling = Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(failures, 12) - 1));
        return TimeSpan.FromSeconds(ceiling * (0.5 + (random() / 2)));
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
