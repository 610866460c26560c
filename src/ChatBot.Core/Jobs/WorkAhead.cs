namespace ChatBot.Core.Jobs;

/// <summary>
/// The estimated work ahead of a place in line, per provider: a queued job starts when the jobs before it on its provider
/// have run, shared across that provider's slots. Unknown durations (a model with too little history) count as nothing,
/// and when nothing ahead is known there is no estimate at all.
/// </summary>
internal sealed class WorkAhead
{
    private readonly Dictionary<string, (TimeSpan Work, bool Known)> _providers = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string provider, TimeSpan? duration)
    {
        var (work, known) = _providers.GetValueOrDefault(provider);
        _providers[provider] = duration is { } d ? (work + d, true) : (work, known);
    }

    /// <summary>The wait of the next job on <paramref name="provider"/>; null when nothing ahead has a known duration.</summary>
    public TimeSpan? WaitFor(string provider, int slots) =>
        _providers.TryGetValue(provider, out var ahead) && ahead.Known
            ? TimeSpan.FromTicks(ahead.Work.Ticks / Math.Max(1, slots))
            : null;
}
