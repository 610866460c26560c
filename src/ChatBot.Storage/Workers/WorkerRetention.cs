namespace ChatBot.Storage.Workers;

/// <summary>How long a silent worker's row is kept (for the operator's eye) before a heartbeat removes it.</summary>
internal static class WorkerRetention
{
    public static readonly TimeSpan Forgotten = TimeSpan.FromDays(1);
}
