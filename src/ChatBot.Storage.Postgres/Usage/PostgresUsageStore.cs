using ChatBot.Core.Usage;
using ChatBot.Storage.Postgres.Database;

namespace ChatBot.Storage.Postgres.Usage;

/// <summary>Usage read from the jobs table (the charge each job settled in the ledger), one grouped query.</summary>
internal sealed class PostgresUsageStore(PostgresDatabase database) : IUsageStore
{
    private const long DayMs = 86_400_000;

    private const string Select = """
        SELECT a.user_id, j.model_id, j.provider, j.state, j.created_at / 86400000 AS day, COUNT(*), COALESCE(SUM(j.charged), 0)::bigint
        FROM jobs j JOIN accounts a ON a.id = j.account_id
        WHERE a.platform = @platform AND a.tenant_id = @tenant AND j.created_at >= @since
        GROUP BY a.user_id, j.model_id, j.provider, j.state, day;
        """;

    public Task<IReadOnlyList<UsageRow>> GetUsageAsync(TenantKey tenant, DateTimeOffset since, CancellationToken cancellationToken) =>
        database.ReadAllAsync(
            Select,
            r => new UsageRow(
                r.GetString(0),
                r.GetString(1),
                r.GetString(2),
                StoredNames.ParseJobState(r.GetString(3)),
                DateOnly.FromDateTime(DateTime.UnixEpoch.AddMilliseconds(r.GetInt64(4) * DayMs)),
                r.GetInt64(5),
                r.GetInt64(6)),
            cancellationToken,
            ("platform", tenant.Platform),
            ("tenant", tenant.TenantId),
            ("since", since.ToUnixTimeMilliseconds()));
}
