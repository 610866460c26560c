namespace ChatBot.Discord.Gateway;

/// <summary>
/// The identify turns of the shards one process runs (<c>Discord:Shards</c>): Discord allows one identify per bucket
/// (<c>shard_id % max_concurrency</c>) per 5 s. A shard takes its bucket's turn before it connects and gives it back
/// once READY came (or the attempt ended without one), so the next shard of the bucket waits 5 s from an identify
/// Discord has seen, however long the first one's handshake took.
/// </summary>
internal sealed class IdentifyBuckets(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, Bucket> _buckets = [];

    public async Task<Turn> TakeTurnAsync(int bucket, CancellationToken cancellationToken)
    {
        Bucket state;
        lock (_gate)
        {
            if (!_buckets.TryGetValue(bucket, out state!))
            {
                state = new Bucket();
                _buckets[bucket] = state;
            }
        }

        await state.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Turn(state, time);
    }

    /// <summary>One shard's turn at its bucket, until it identified or gave up.</summary>
    internal sealed class Turn(Bucket bucket, TimeProvider time) : IDisposable
    {
        private int _released;

        /// <summary>How long to wait before identifying: 5 s after the bucket's last identify.</summary>
        public TimeSpan Delay => bucket.LastIdentify is { } last && last + GatewayReconnectPolicy.IdentifyWindow - time.GetUtcNow() is var wait && wait > TimeSpan.Zero
            ? wait
            : TimeSpan.Zero;

        /// <summary>The Identify is going out now: the next turn's window starts from here.</summary>
        public void Identified() => bucket.LastIdentify = time.GetUtcNow();

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                bucket.Gate.Release();
            }
        }
    }

    internal sealed class Bucket
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public DateTimeOffset? LastIdentify { get; set; }
    }
}
