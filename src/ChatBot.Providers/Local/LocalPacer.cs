namespace ChatBot.Providers.Local;

/// <summary>The optional pause between passes, on the injected clock so tests control it.</summary>
internal sealed class LocalPacer(TimeSpan delay, TimeProvider timeProvider)
{
    public Task PauseAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, timeProvider, cancellationToken);
    }
}
