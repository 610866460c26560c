namespace ChatBot.Core.Model;

/// <summary>The member who issued a command: platform, tenant (guild, team or playground) and user.</summary>
public sealed record Actor(string Platform, string TenantId, string UserId, string DisplayName, bool IsAdmin)
{
    public AccountKey Account => new(Platform, TenantId, UserId);

    /// <summary>
    /// The member's roles in the tenant, as the platform names them (Discord role ids); empty where the platform has
    /// none (Slack, the Playground). A role's daily allowance (<see cref="Tenants.TenantSettings.RoleAllowances"/>) is found by them.
    /// </summary>
    public IReadOnlyList<string> Roles { get; init; } = [];
}
