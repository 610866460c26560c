using ChatBot.Core.Platform;

namespace ChatBot.Slack.Inbound;

/// <summary>
/// Fallback used only when no durable <see cref="IEventDeduplicator"/> (the SQLite one from storage)
/// is registered: it de-duplicates within one process lifetime.
/// </summary>
internal sealed class InMemoryEventDeduplicator : IEventDeduplicator
{
    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);

    public Task<bool> TryMarkAsync(string source, string eventId, CancellationToken cancellationToken) =>
        Task.FromResult(_seen.TryAdd(source + "\n" + eventId, 0));
}
