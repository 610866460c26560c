namespace ChatBot.Core.Model;

/// <summary>Where the command was issued.</summary>
public sealed record Conversation(string ChannelId, bool IsNsfw = false, bool IsDirectMessage = false, string? ThreadId = null);
