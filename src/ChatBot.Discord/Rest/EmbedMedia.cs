namespace ChatBot.Discord.Rest;

internal sealed record EmbedMedia(string Url);
