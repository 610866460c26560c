namespace ChatBot.Discord.Rest.Models;

/// <summary>Channel types: 0 guild text, 1 DM, 3 group DM, 10-12 threads.</summary>
internal sealed record DiscordChannel(string Id, int Type = 0, bool? Nsfw = null, string? Name = null, string? GuildId = null)
{
    public bool IsDirectMessage => Type is 1 or 3;
}
