using ChatBot.Core.Usage;
using ChatBot.Storage.Jobs;
using ChatBot.Storage.Sqlite;

namespace ChatBot.Storage.Usage;

/// <summary>Usage read from the jobs table (the charge each job settled in the ledger), one grouped query.</summary>
internal sealed class SqliteUsageStore(SqliteDatabase database) : IUsageStore
{
    private const long DayMs = 86_400_000;

    private const string Select = """
        SELECT a.user_id, j.model_id, j.provider, j.state, j.created_at / 86400000 AS day, COUNT(*), COALESCE(SUM(j.charged), 0)
        FROM jobs j JOIN accounts a ON a.id = j.account_id
        WHERE a.platform = $platform AND a.tenant_id = $tenant AND j.created_at >= $since
        GROUP BY a.user_id, j.model_id, j.provider, j.state, day;
        """;

    public Task<IReadOnlyList<UsageRow>> GetUsageAsync(TenantKey tenant, DateTimeOffset since, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = database.OpenRead();
        var rows = connection.ReadAll(
            Select,
            r => new UsageRow(
                r.GetString(0),
                r.GetString(1),
                r.GetString(2),
                JobStateNames.Parse(r.GetString(3)),
                DateOnly.FromDateTime(DateTime.UnixEpoch.AddMilliseconds(r.GetInt64(4) * DayMs)),
                r.GetInt64(5),
                r.GetInt64(6)),
            ("$platform", tenant.Platform),
            ("$tenant", tenant.TenantId),
            ("$since", SqliteValues.ToUnixMs(since)));
        return Task.FromResult(rows);
    }
}
