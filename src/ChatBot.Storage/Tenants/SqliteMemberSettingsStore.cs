using ChatBot.Core.Catalog;
using ChatBot.Core.Tenants;
using ChatBot.Storage.Sqlite;

namespace ChatBot.Storage.Tenants;

/// <summary>Each member's own defaults as one JSON document per account; empty defaults delete the row.</summary>
internal sealed class SqliteMemberSettingsStore(SqliteDatabase database, TimeProvider time) : IMemberSettingsStore
{
    private const string Select = "SELECT settings FROM member_settings WHERE platform = $platform AND tenant_id = $tenant AND user_id = $user;";

    private const string Upsert = """
        INSERT INTO member_settings (platform, tenant_id, user_id, settings, updated_at)
        VALUES ($platform, $tenant, $user, $settings, $now)
        ON CONFLICT (platform, tenant_id, user_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at;
        """;

    private const string Delete = "DELETE FROM member_settings WHERE platform = $platform AND tenant_id = $tenant AND user_id = $user;";

    public Task<MemberDefaults> GetAsync(AccountKey account, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = database.OpenRead();
        var defaults = connection.Scalar(Select, ("$platform", account.Platform), ("$tenant", account.TenantId), ("$user", account.UserId)) is string json
            ? JsonSerializer.Deserialize<MemberDefaults>(json, ModelCatalog.JsonOptions)
            : null;
        return Task.FromResult(defaults ?? new MemberDefaults());
    }

    public async Task SetAsync(AccountKey account, MemberDefaults defaults, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        var json = JsonSerializer.Serialize(defaults, ModelCatalog.JsonOptions);
        await database.WriteAsync(tx => defaults.IsEmpty
            ? tx.Execute(Delete, ("$platform", account.Platform), ("$tenant", account.TenantId), ("$user", account.UserId))
            : tx.Execute(Upsert,
                ("$platform", account.Platform), ("$tenant", account.TenantId), ("$user", account.UserId), ("$settings", json),
                ("$now", SqliteValues.ToUnixMs(time.GetUtcNow()))), cancellationToken).ConfigureAwait(false);
    }
}
