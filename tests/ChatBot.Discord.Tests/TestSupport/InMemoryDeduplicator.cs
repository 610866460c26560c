using System.Collections.Concurrent;

namespace ChatBot.Discord.Tests.TestSupport;

/// <summary>Stands in for the SQLite de-duplicator of ChatBot.Storage.</summary>
public sealed class InMemoryDeduplicator : IEventDeduplicator
{
    private readonly ConcurrentDictionary<string, bool> _seen = new();

    public Task<bool> TryMarkAsync(string source, string eventId, CancellationToken cancellationToken) =>
        Task.FromResult(_seen.TryAdd(source + "|" + eventId, true));
}
