namespace ChatBot.Discord.Rest.Models;

internal sealed record AllowedMentions(IReadOnlyList<string> Parse, IReadOnlyList<string>? Users = null);
