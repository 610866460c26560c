using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Replies;

/// <summary>
/// Learns how long a model takes from the jobs that finished (the median of the latest ones,
/// seeded from the job history on first use) and estimates the time left of a running job.
/// </summary>
internal sealed class EtaEstimator(IOptions<ReplyOptions> options)
{
    private const int Window = 25;
    private readonly ConcurrentDictionary<string, History> _models = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Seeds a model's history once, from <paramref name="recentDurations"/> (model, how many, cancellation).</summary>
    public async Task WarmAsync(string modelId, Func<string, int, CancellationToken, Task<IReadOnlyList<TimeSpan>>> recentDurations, CancellationToken cancellationToken)
    {
        if (_models.ContainsKey(modelId))
        {
            return;
        }

        var past = await recentDurations(modelId, Window, cancellationToken).ConfigureAwait(false);
        var history = _models.GetOrAdd(modelId, _ => new History());
        history.Seed(past);
    }

    public void Record(string modelId, TimeSpan duration) => _models.GetOrAdd(modelId, _ => new History()).Add(duration);

    /// <summary>The typical duration of the model, or null while there is too little history.</summary>
    public TimeSpan? Typical(string modelId) =>
        _models.TryGetValue(modelId, out var h) ? h.Median(options.Value.EtaMinimumHistory) : null;

    /// <summary>Time left for a job that has run <paramref name="elapsed"/>, never negative.</summary>
    public TimeSpan? Remaining(string modelId, TimeSpan elapsed, double? percent)
    {
        if (Typical(modelId) is not { } typical)
        {
            return null;
        }

        var left = typical - elapsed;
        if (percent is > 5 and < 100)
        {
            // Once the provider reports progress, extrapolating from it beats the history.
            var byProgress = TimeSpan.FromTicks((long)(elapsed.Ticks * ((100 - percent.Value) / percent.Value)));
            left = TimeSpan.FromTicks((left.Ticks + byProgress.Ticks) / 2);
        }

        return left < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : left;
    }

    private sealed class History
    {
        private readonly Lock _gate = new();
        private readonly Queue<TimeSpan> _durations = new();
        private bool _seeded;

        public void Seed(IEnumerable<TimeSpan> past)
        {
            lock (_gate)
            {
                if (_seeded)
                {
                    return;
                }

                _seeded = true;
                foreach (var d in past.Reverse())
                {
                    Push(d);
                }
            }
        }

        public void Add(TimeSpan duration)
        {
            lock (_gate)
            {
                Push(duration);
            }
        }

        public TimeSpan? Median(int minimum)
        {
            lock (_gate)
            {
                if (_durations.Count < Math.Max(1, minimum))
                {
                    return null;
                }

                var sorted = _durations.Order().ToArray();
                return sorted.Length % 2 == 1
                    ? sorted[sorted.Length / 2]
                    : TimeSpan.FromTicks((sorted[(sorted.Length / 2) - 1].Ticks + sorted[sorted.Length / 2].Ticks) / 2);
            }
        }

        private void Push(TimeSpan d)
        {
            _durations.Enqueue(d);
            while (_durations.Count > Window)
            {
                _durations.Dequeue();
            }
        }
    }
}
