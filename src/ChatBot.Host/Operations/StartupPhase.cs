namespace ChatBot.Host.Operations;

/// <summary>Whether the host has finished starting (set by <see cref="StartupSummary"/>); read by a log filter.</summary>
internal sealed class StartupPhase
{
    private volatile bool _started;

    public bool Started => _started;

    public void MarkStarted() => _started = true;
}
