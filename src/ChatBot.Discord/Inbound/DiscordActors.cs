using ChatBot.Core.Platform;
using ChatBot.Discord.Rest.Models;

namespace ChatBot.Discord.Inbound;

/// <summary>Who sent an interaction and where: the engine's <see cref="Actor"/> and <see cref="Conversation"/>.</summary>
internal static class DiscordActors
{
    /// <summary>The tenant of direct messages, which belong to no guild.</summary>
    public const string DirectMessageTenant = "dm";

    private const ulong Administrator = 1 << 3;
    private const ulong ManageGuild = 1 << 5;

    /// <summary>True for the <c>ADMINISTRATOR</c> or <c>MANAGE_GUILD</c> bit in the member's permissions.</summary>
    public static bool IsAdmin(string? permissions) =>
        ulong.TryParse(permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
        && ((bits & Administrator) != 0 || (bits & ManageGuild) != 0);

    public static Actor ActorOf(DiscordInteraction interaction)
    {
        var user = interaction.Invoker ?? new DiscordUser("0");
        return new Actor(
            PlatformNames.Discord,
            interaction.GuildId ?? DirectMessageTenant,
            user.Id,
            interaction.Member?.Nick ?? user.DisplayName,
            interaction.GuildId is not null && IsAdmin(interaction.Member?.Permissions))
        {
            // Role ids, which Core treats as opaque names (a role's allowance); none in direct messages.
            Roles = interaction.GuildId is null ? [] : interaction.Member?.Roles ?? [],
        };
    }

    public static Conversation ConversationOf(DiscordInteraction interaction) => new(
        interaction.ChannelId ?? interaction.Channel?.Id ?? "",
        IsNsfw: interaction.Channel?.Nsfw ?? false,
        IsDirectMessage: interaction.GuildId is null);
}
