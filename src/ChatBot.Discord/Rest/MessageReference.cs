namespace ChatBot.Discord.Rest;

internal sealed record MessageReference(string MessageId, string? ChannelId = null, bool FailIfNotExists = false);
