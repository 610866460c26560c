namespace ChatBot.Discord.Rest;

internal sealed record EmbedField(string Name, string Value, bool Inline = true);
