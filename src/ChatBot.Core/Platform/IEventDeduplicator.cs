namespace ChatBot.Core.Platform;

/// <summary>Remembers platform event ids so a redelivered or replayed event never runs a command twice.</summary>
public interface IEventDeduplicator
{
    /// <summary>True the first time the id is seen for this source; false for every repeat.</summary>
    Task<bool> TryMarkAsync(string source, string eventId, CancellationToken cancellationToken);
}
