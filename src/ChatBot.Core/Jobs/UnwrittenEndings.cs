namespace ChatBot.Core.Jobs;

/// <summary>
/// Job endings the store could not write (the database or its disk full, the file unwritable). The job stays
/// non-terminal in the database with its credits held, so it must not wait for a restart: the endings are kept
/// here and <see cref="UnwrittenEndingsService"/> writes them as soon as the store takes writes again.
/// </summary>
internal sealed class UnwrittenEndings : IStorageWriteHealth
{
    private readonly ConcurrentDictionary<string, Ending> _endings = new(StringComparer.Ordinal);

    public bool IsFailing => !_endings.IsEmpty;

    public int Unwritten => _endings.Count;

    public void Add(JobRecord job, JobState terminal, string message, string reason) =>
        _endings.TryAdd(job.Id, new Ending(job, terminal, message, reason));

    public void Written(string jobId) => _endings.TryRemove(jobId, out _);

    public IReadOnlyList<Ending> Snapshot() => [.. _endings.Values];

    internal sealed record Ending(JobRecord Job, JobState Terminal, string Message, string Reason);
}
