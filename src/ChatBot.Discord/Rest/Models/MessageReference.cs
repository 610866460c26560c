namespace ChatBot.Discord.Rest.Models;

internal sealed record MessageReference(string MessageId, string? ChannelId = null, bool FailIfNotExists = false);
