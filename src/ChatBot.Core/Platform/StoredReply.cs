namespace ChatBot.Core.Platform;

/// <summary>One reply as <see cref="IPlatformReplyStore"/> keeps it: <paramref name="Document"/> is the adapter's own JSON.</summary>
public sealed record StoredReply(string Platform, string Id, DateTimeOffset CreatedAt, string Document);
