using ChatBot.Core.Catalog;
using ChatBot.Core.Tenants;
using ChatBot.Storage.Sqlite;

namespace ChatBot.Storage.Tenants;

/// <summary>Tenant settings as one JSON document per tenant.</summary>
internal sealed class SqliteTenantSettingsStore(SqliteDatabase database, TimeProvider time) : ITenantSettingsStore
{
    private const string Select = "SELECT settings FROM tenant_settings WHERE platform = $platform AND tenant_id = $tenant;";

    private const string Upsert = """
        INSERT INTO tenant_settings (platform, tenant_id, settings, updated_at)
        VALUES ($platform, $tenant, $settings, $now)
        ON CONFLICT (platform, tenant_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at;
        """;

    public Task<TenantSettings> GetAsync(TenantKey tenant, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = database.OpenRead();
        var settings = connection.Scalar(Select, ("$platform", tenant.Platform), ("$tenant", tenant.TenantId)) is string json
            ? JsonSerializer.Deserialize<TenantSettings>(json, ModelCatalog.JsonOptions)
            : null;
        return Task.FromResult(settings ?? new TenantSettings());
    }

    public async Task SetAsync(TenantKey tenant, TenantSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var json = JsonSerializer.Serialize(settings, ModelCatalog.JsonOptions);
        await database.WriteAsync(tx =>
        {
            return tx.Execute(Upsert,
                ("$platform", tenant.Platform), ("$tenant", tenant.TenantId), ("$settings", json), ("$now", SqliteValues.ToUnixMs(time.GetUtcNow())));
        }, cancellationToken).ConfigureAwait(false);
    }
}
