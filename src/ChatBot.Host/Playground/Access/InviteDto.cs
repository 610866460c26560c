namespace ChatBot.Host.Playground.Access;

/// <summary>An invite link an admin hands to a new member (single use, a week long).</summary>
internal sealed record InviteDto(string Url, DateTimeOffset ExpiresAt);
