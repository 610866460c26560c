using System.Collections.Concurrent;
using System.Diagnostics;
using ChatBot.Core.Model;

namespace ChatBot.Benchmarks.Bot;

/// <summary>What <see cref="CountingReplies"/> saw, shared by every platform's wrapper.</summary>
internal sealed class ReplyCounters
{
    private readonly ConcurrentDictionary<ReplyHandle, long> _lastEdit = new();
    private readonly ConcurrentQueue<long> _resultTimes = new();
    private long _edits;
    private long _results;
    private long _tooClose;

    /// <summary>Edits of one reply closer together than this count as pacing violations.</summary>
    public TimeSpan PacingInterval { get; set; } = TimeSpan.FromSeconds(1.5);

    public long Edits => Interlocked.Read(ref _edits);

    public long Results => Interlocked.Read(ref _results);

    public long TooClose => Interlocked.Read(ref _tooClose);

    public long Calls => Edits + Results;

    public void Edit(ReplyHandle handle)
    {
        Interlocked.Increment(ref _edits);
        var now = Stopwatch.GetTimestamp();
        var previous = _lastEdit.GetValueOrDefault(handle);
        _lastEdit[handle] = now;

        // 50 ms of slack for timer jitter.
        if (previous != 0 && Stopwatch.GetElapsedTime(previous, now) < PacingInterval - TimeSpan.FromMilliseconds(50))
        {
            Interlocked.Increment(ref _tooClose);
        }
    }

    public void Result(ReplyHandle handle)
    {
        _lastEdit.TryRemove(handle, out _);
        _resultTimes.Enqueue(Stopwatch.GetTimestamp());
        Interlocked.Increment(ref _results);
    }

    /// <summary>
    /// Results per second in the steady middle of a batch: from the 10th to the 90th percentile of the results
    /// posted since <paramref name="since"/> (a Stopwatch timestamp), leaving out the ramp-up and the tail.
    /// </summary>
    public double SteadyRate(long since)
    {
        var times = _resultTimes.Where(t => t >= since).Order().ToArray();
        if (times.Length < 10)
        {
            return double.NaN;
        }

        var (first, last) = (times.Length / 10, (times.Length * 9 / 10) - 1);
        return (last - first) / Stopwatch.GetElapsedTime(times[first], times[last]).TotalSeconds;
    }

    public async Task WaitForResultsAsync(long count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        while (Results < count)
        {
            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"Only {Results} of {count} results were posted within {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
        }
    }
}
