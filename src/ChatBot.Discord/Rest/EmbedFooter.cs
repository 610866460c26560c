namespace ChatBot.Discord.Rest;

internal sealed record EmbedFooter(string Text);
