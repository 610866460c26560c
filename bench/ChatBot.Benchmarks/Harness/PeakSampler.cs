using System.Diagnostics;

namespace ChatBot.Benchmarks.Harness;

/// <summary>Samples the process's resident memory on a timer and keeps the peak.</summary>
internal sealed class PeakSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peak;
    private int _samples;

    public PeakSampler(TimeSpan interval)
    {
        Baseline = Read();
        _peak = Baseline;
        _loop = Task.Run(() => LoopAsync(interval, _stop.Token));
    }

    public long Baseline { get; }

    public long Peak => Interlocked.Read(ref _peak);

    public int Samples => Volatile.Read(ref _samples);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        Sample();
        _stop.Dispose();
    }

    private async Task LoopAsync(TimeSpan interval, CancellationToken token)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false))
            {
                Sample();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private void Sample()
    {
        var now = Read();
        Interlocked.Increment(ref _samples);
        long seen;
        do
        {
            seen = Interlocked.Read(ref _peak);
        }
        while (now > seen && Interlocked.CompareExchange(ref _peak, now, seen) != seen);
    }

    private static long Read()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}
