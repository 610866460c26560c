using ChatBot.Core.Catalog;
using ChatBot.Core.Tenants;
using ChatBot.Storage.Postgres.Database;

namespace ChatBot.Storage.Postgres.Tenants;

/// <summary>Tenant settings as one JSON document per tenant, written with one upsert.</summary>
internal sealed class PostgresTenantSettingsStore(PostgresDatabase database, TimeProvider time) : ITenantSettingsStore
{
    private const string Select = "SELECT settings FROM tenant_settings WHERE platform = @platform AND tenant_id = @tenant;";

    private const string Upsert = """
        INSERT INTO tenant_settings (platform, tenant_id, settings, updated_at)
        VALUES (@platform, @tenant, @settings, @now)
        ON CONFLICT (platform, tenant_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at;
        """;

    public async Task<TenantSettings> GetAsync(TenantKey tenant, CancellationToken cancellationToken)
    {
        var json = await database.ScalarAsync(Select, cancellationToken, ("platform", tenant.Platform), ("tenant", tenant.TenantId)).ConfigureAwait(false) as string;
        return (json is null ? null : JsonSerializer.Deserialize<TenantSettings>(json, ModelCatalog.JsonOptions)) ?? new TenantSettings();
    }

    public async Task SetAsync(TenantKey tenant, TenantSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var json = JsonSerializer.Serialize(settings, ModelCatalog.JsonOptions);
        await database.ExecuteAsync(Upsert, cancellationToken,
            ("platform", tenant.Platform), ("tenant", tenant.TenantId), ("settings", json), ("now", time.GetUtcNow().ToUnixTimeMilliseconds())).ConfigureAwait(false);
    }
}
