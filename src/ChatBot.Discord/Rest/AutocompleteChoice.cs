namespace ChatBot.Discord.Rest;

internal sealed record AutocompleteChoice(string Name, string Value);
