namespace ChatBot.Discord.Rest.Models;

internal sealed record DiscordUser(string Id, string? Username = null, string? GlobalName = null, bool? Bot = null)
{
    public string DisplayName => GlobalName ?? Username ?? Id;
}
