namespace ChatBot.Discord.Rest.Models;

internal sealed record EmbedMedia(string Url);
