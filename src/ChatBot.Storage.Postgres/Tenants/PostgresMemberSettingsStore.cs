using ChatBot.Core.Catalog;
using ChatBot.Core.Tenants;
using ChatBot.Storage.Postgres.Database;

namespace ChatBot.Storage.Postgres.Tenants;

/// <summary>Each member's own defaults as one JSON document per account; empty defaults delete the row.</summary>
internal sealed class PostgresMemberSettingsStore(PostgresDatabase database, TimeProvider time) : IMemberSettingsStore
{
    private const string Select = "SELECT settings FROM member_settings WHERE platform = @platform AND tenant_id = @tenant AND user_id = @user;";

    private const string Upsert = """
        INSERT INTO member_settings (platform, tenant_id, user_id, settings, updated_at)
        VALUES (@platform, @tenant, @user, @settings, @now)
        ON CONFLICT (platform, tenant_id, user_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at;
        """;

    private const string Delete = "DELETE FROM member_settings WHERE platform = @platform AND tenant_id = @tenant AND user_id = @user;";

    public async Task<MemberDefaults> GetAsync(AccountKey account, CancellationToken cancellationToken)
    {
        var json = await database.ScalarAsync(Select, cancellationToken, ("platform", account.Platform), ("tenant", account.TenantId), ("user", account.UserId)).ConfigureAwait(false) as string;
        return (json is null ? null : JsonSerializer.Deserialize<MemberDefaults>(json, ModelCatalog.JsonOptions)) ?? new MemberDefaults();
    }

    public async Task SetAsync(AccountKey account, MemberDefaults defaults, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        if (defaults.IsEmpty)
        {
            await database.ExecuteAsync(Delete, cancellationToken, ("platform", account.Platform), ("tenant", account.TenantId), ("user", account.UserId)).ConfigureAwait(false);
            return;
        }

        var json = JsonSerializer.Serialize(defaults, ModelCatalog.JsonOptions);
        await database.ExecuteAsync(Upsert, cancellationToken,
            ("platform", account.Platform), ("tenant", account.TenantId), ("user", account.UserId), ("settings", json), ("now", time.GetUtcNow().ToUnixTimeMilliseconds())).ConfigureAwait(false);
    }
}
