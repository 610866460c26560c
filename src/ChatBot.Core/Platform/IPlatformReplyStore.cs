namespace ChatBot.Core.Platform;

/// <summary>
/// Keeps the replies of a platform that has no server of its own to keep them (the Playground), so a restarted host
/// serves the same conversation. Each reply is an opaque document the platform adapter writes and reads back.
/// </summary>
public interface IPlatformReplyStore
{
    /// <summary>Inserts or replaces each reply (by platform and id); a replaced reply keeps its place in the order.</summary>
    Task SaveAsync(IReadOnlyList<StoredReply> replies, CancellationToken cancellationToken);

    /// <summary>Forgets these replies of <paramref name="platform"/>; unknown ids are ignored.</summary>
    Task DeleteAsync(string platform, IReadOnlyList<string> ids, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="count"/> replies of <paramref name="platform"/> by first save, oldest first.</summary>
    Task<IReadOnlyList<StoredReply>> RecentAsync(string platform, int count, CancellationToken cancellationToken);
}
