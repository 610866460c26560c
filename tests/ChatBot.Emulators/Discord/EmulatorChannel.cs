namespace ChatBot.Emulators.Discord;

/// <summary>A channel the emulator knows. <see cref="GuildId"/> is null for a DM.</summary>
public sealed record EmulatorChannel(string Id, string? GuildId, string Name, bool Nsfw = false)
{
    public bool IsDirectMessage => GuildId is null;
}
