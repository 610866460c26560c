namespace ChatBot.Core.Tenants;

public interface ITenantSettingsStore
{
    /// <summary>The tenant's settings, or the defaults when it has none.</summary>
    Task<TenantSettings> GetAsync(TenantKey tenant, CancellationToken cancellationToken);

    Task SetAsync(TenantKey tenant, TenantSettings settings, CancellationToken cancellationToken);
}
