namespace ChatBot.Discord.Rest.Models;

internal sealed record EmbedField(string Name, string Value, bool Inline = true);
