namespace ChatBot.Discord.Rest.Models;

internal sealed record AutocompleteChoice(string Name, string Value);
