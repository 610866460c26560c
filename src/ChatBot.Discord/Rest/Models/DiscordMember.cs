namespace ChatBot.Discord.Rest.Models;

/// <summary>A guild member as interactions carry it; <see cref="Permissions"/> is the member's computed bit set in the channel.</summary>
internal sealed record DiscordMember(DiscordUser? User = null, string? Permissions = null, string? Nick = null, IReadOnlyList<string>? Roles = null);
