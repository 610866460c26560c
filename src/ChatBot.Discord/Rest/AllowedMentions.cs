namespace ChatBot.Discord.Rest;

internal sealed record AllowedMentions(IReadOnlyList<string> Parse, IReadOnlyList<string>? Users = null);
