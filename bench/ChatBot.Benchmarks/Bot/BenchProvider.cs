using System.Diagnostics;
using System.Runtime.CompilerServices;
using ChatBot.Core.Providers;

namespace ChatBot.Benchmarks.Bot;

/// <summary>
/// The bench's provider, registered in-process as provider <c>bench</c>. <see cref="BenchProviderMode.Instant"/>
/// answers every submission at once with a tiny PNG (the ceiling: no provider time at all);
/// <see cref="BenchProviderMode.Hold"/> keeps every job "running" until <see cref="ReleaseAll"/>, and can
/// report progress on every held job at a fixed period.
/// </summary>
internal sealed class BenchProvider : IMediaProvider
{
    public const string ProviderName = "bench";

    /// <summary>A 1×1 PNG: valid, tiny, and sniffed with its dimensions.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private readonly Lock _lock = new();
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _held;
    private long _submitted;

    public string Name => ProviderName;

    public bool IsAvailable => true;

    public bool ResubmitIsSafe => true;

    public BenchProviderMode Mode { get; set; } = BenchProviderMode.Instant;

    /// <summary>While holding: each held job reports progress once per this period (null: silent).</summary>
    public TimeSpan? ProgressPeriod { get; private set; }

    /// <summary>How long a held job waits before it finishes on its own (null: until released).</summary>
    public TimeSpan? HoldFor { get; set; }

    public int Held => Volatile.Read(ref _held);

    public long Submitted => Interlocked.Read(ref _submitted);

    public Task<Submission> SubmitAsync(MediaRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _submitted);
        var submission = Mode == BenchProviderMode.Instant
            ? new Submission(request.JobId, ImmediateResult: Result())
            : new Submission(request.JobId);
        return Task.FromResult(submission);
    }

    public async IAsyncEnumerable<ProviderUpdate> TrackAsync(MediaRequest request, Submission submission, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new ProviderUpdate.Running(0, "Held by the bench");
        Interlocked.Increment(ref _held);
        try
        {
            var started = Stopwatch.GetTimestamp();
            var percent = 0;
            var first = true;
            while (true)
            {
                Task release, wake;
                lock (_lock)
                {
                    (release, wake) = (_release.Task, _wake.Task);
                }

                if (release.IsCompleted)
                {
                    break;
                }

                TimeSpan? step = ProgressPeriod;
                if (step is { } period && first)
                {
                    // Spread the ticks of many jobs over the period instead of firing them together.
                    step = period + TimeSpan.FromTicks(Random.Shared.NextInt64(Math.Max(1, period.Ticks)));
                }

                if (HoldFor is { } hold)
                {
                    var left = hold - Stopwatch.GetElapsedTime(started);
                    if (left <= TimeSpan.Zero)
                    {
                        break;
                    }

                    step = step is { } s && s < left ? s : left;
                }

                if (step is not { } delay)
                {
                    // Silent: no timer at all, only the release or a change of mode wakes the job.
                    await Task.WhenAny(release, wake).WaitAsync(cancellationToken).ConfigureAwait(false);
                    first = true;
                    continue;
                }

                using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var tick = Task.Delay(delay, timer.Token);
                var woke = await Task.WhenAny(release, wake, tick).ConfigureAwait(false);
                await timer.CancelAsync().ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                first = woke != tick;
                if (woke == tick && ProgressPeriod is not null)
                {
                    percent = Math.Min(99, percent + 1);
                    yield return new ProviderUpdate.Running(percent);
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref _held);
        }

        yield return Result();
    }

    /// <summary>Lets every held job finish (succeed) now; later jobs are held again.</summary>
    public void ReleaseAll()
    {
        lock (_lock)
        {
            _release.TrySetResult();
            _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Changes how often held jobs report progress (null: silent), waking them to follow it.</summary>
    public void SetProgressPeriod(TimeSpan? period)
    {
        lock (_lock)
        {
            ProgressPeriod = period;
            _wake.TrySetResult();
            _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    private static ProviderUpdate.Succeeded Result() => new([MediaOutput.FromBytes("bench.png", "image/png", Png)]);
}
