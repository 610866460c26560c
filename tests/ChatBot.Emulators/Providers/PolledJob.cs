namespace ChatBot.Emulators.Providers;

/// <summary>Work an asynchronous provider accepted and a client polls for: counts the polls it has answered.</summary>
internal class PolledJob
{
    private int _polls;

    /// <summary>Counts one more poll and returns how many there were.</summary>
    public int Poll() => Interlocked.Increment(ref _polls);
}
