namespace ChatBot.Discord.Rest.Models;

internal sealed record EmbedFooter(string Text);
