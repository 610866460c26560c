using System.Collections.Concurrent;

namespace ChatBot.IntegrationTests.Discord;

/// <summary>Counts jobs that reached a terminal state; tests wait on it instead of sleeping.</summary>
internal sealed class JobEndings
{
    private readonly ConcurrentQueue<string> _ended = new();
    private readonly SemaphoreSlim _signal = new(0);

    public IReadOnlyCollection<string> Ended() => [.. _ended];

    public void Ended(string jobId)
    {
        _ended.Enqueue(jobId);
        _signal.Release();
    }

    public async Task WaitForAsync(int count)
    {
        while (_ended.Count < count)
        {
            if (!await _signal.WaitAsync(TimeSpan.FromSeconds(30)))
            {
                throw new TimeoutException($"Only {_ended.Count} of {count} jobs ended.");
            }
        }
    }
}
