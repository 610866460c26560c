namespace ChatBot.Emulators.Discord;

/// <summary>A user, with the permission bits they hold in a guild (ADMINISTRATOR = 8, MANAGE_GUILD = 32) and the ids of their roles.</summary>
public sealed record EmulatorMember(string UserId, string UserName, long Permissions = 0, IReadOnlyList<string>? Roles = null)
{
    public const long Administrator = 1 << 3;
    public const long ManageGuild = 1 << 5;
}
