namespace ChatBot.Core.Model;

/// <summary>The member who issued a command: platform, tenant (guild, team or playground) and user.</summary>
public sealed record Actor(string Platform, string TenantId, string UserId, string DisplayName, bool IsAdmin)
{
    public AccountKey Account => new(Platform, TenantId, UserId);
}
