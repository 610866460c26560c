namespace ChatBot.Core.Tenants;

/// <summary>Each member's own defaults, per account (platform, tenant, user).</summary>
public interface IMemberSettingsStore
{
    /// <summary>The member's defaults, or empty ones when they set none.</summary>
    Task<MemberDefaults> GetAsync(AccountKey account, CancellationToken cancellationToken);

    /// <summary>Replaces the member's defaults; empty defaults remove them.</summary>
    Task SetAsync(AccountKey account, MemberDefaults defaults, CancellationToken cancellationToken);
}
