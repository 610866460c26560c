namespace ChatBot.Core.Model;

/// <summary>Identifies one credit account: a user inside a tenant on a platform.</summary>
public readonly record struct AccountKey(string Platform, string TenantId, string UserId)
{
    public TenantKey Tenant => new(Platform, TenantId);

    public override string ToString() => $"{Platform}/{TenantId}/{UserId}";
}
