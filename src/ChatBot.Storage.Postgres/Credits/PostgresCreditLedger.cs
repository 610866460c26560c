using ChatBot.Core.Credits;
using ChatBot.Storage.Postgres.Database;

namespace ChatBot.Storage.Postgres.Credits;

/// <summary>
/// Balances, history, grants and allowances in PostgreSQL, plus reservations that belong to no job. Reading a balance is
/// a "use": it applies the day's allowance when that has not happened yet. Closing a reservation is one statement that
/// closes it, credits what is returned and writes its ledger entry.
/// </summary>
internal sealed class PostgresCreditLedger(
    PostgresDatabase database,
    TimeProvider time,
    IOptions<CreditOptions> credits,
    ILogger<PostgresCreditLedger> logger) : ICreditLedger
{
    private const string SelectAccount = """
        SELECT id, balance, allowance_day FROM accounts
        WHERE platform = @platform AND tenant_id = @tenant AND user_id = @user;
        """;

    private const string SelectHeld = $"""
        SELECT (COALESCE((SELECT SUM(reserved) FROM jobs WHERE account_id = @account AND state NOT IN {StoredNames.TerminalList}), 0)
              + COALESCE((SELECT SUM(amount) FROM reservations WHERE account_id = @account AND state = 'open'), 0))::bigint;
        """;

    private const string SelectAllowance = "SELECT daily_allowance FROM tenant_allowances WHERE platform = @platform AND tenant_id = @tenant;";

    private const string UpsertAllowance = """
        INSERT INTO tenant_allowances (platform, tenant_id, daily_allowance, updated_at)
        VALUES (@platform, @tenant, @allowance, @now)
        ON CONFLICT (platform, tenant_id) DO UPDATE SET daily_allowance = excluded.daily_allowance, updated_at = excluded.updated_at;
        """;

    private const string InsertReservation = """
        INSERT INTO reservations (id, account_id, amount, state, reason, created_at)
        VALUES (@id, @account, @amount, 'open', @reason, @now);
        """;

    private static readonly string CloseReservation = PostgresAccounts.CloseAndCredit("""
        UPDATE reservations
        SET state = @state, charged = LEAST(GREATEST(@actual, 0), amount), finished_at = @now
        WHERE id = @reservation AND state = 'open'
        RETURNING account_id, charged, amount - charged AS back
        """);

    private const string SelectHistory = """
        SELECT l.id, l.kind, l.amount, l.job_id, l.reason, l.at
        FROM ledger l JOIN accounts a ON a.id = l.account_id
        WHERE a.platform = @platform AND a.tenant_id = @tenant AND a.user_id = @user
        ORDER BY l.id DESC
        LIMIT @count;
        """;

    private readonly long _defaultAllowance = credits.Value.DefaultDailyAllowance;

    public Task<CreditBalance> GetBalanceAsync(AccountKey account, CancellationToken cancellationToken) =>
        GetBalanceAsync(account, [], cancellationToken);

    public async Task<CreditBalance> GetBalanceAsync(AccountKey account, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = await connection.ReadAllAsync(
                SelectAccount, r => (Id: r.GetInt64(0), Balance: r.GetInt64(1), Day: r.GetInt64(2)), cancellationToken,
                ("platform", account.Platform), ("tenant", account.TenantId), ("user", account.UserId)).ConfigureAwait(false);
            var (accountId, available) = rows is [var row] && !DailyAllowance.IsDue(row.Day, now) ? (row.Id, row.Balance) : (-1L, 0L);
            if (accountId < 0)
            {
                // First use today (or ever): the allowance may apply, which is a write.
                (accountId, available) = await database.WriteAsync(
                    tx => PostgresAccounts.OpenAsync(tx, account, now, _defaultAllowance, roles, cancellationToken), cancellationToken).ConfigureAwait(false);
            }

            var held = (long)(await connection.ScalarAsync(SelectHeld, cancellationToken, ("account", accountId)).ConfigureAwait(false))!;
            var allowance = await connection.ScalarAsync(
                PostgresAccounts.SelectAllowance, cancellationToken, ("platform", account.Platform), ("tenant", account.TenantId), ("roles", roles.ToArray())).ConfigureAwait(false) as long?;
            return new CreditBalance(available, held, allowance ?? _defaultAllowance, DailyAllowance.NextTopUp(now));
        }
    }

    public async Task<IReadOnlyList<LedgerEntry>> GetHistoryAsync(AccountKey account, int count, CancellationToken cancellationToken)
    {
        if (count <= 0)
        {
            return [];
        }

        return await database.ReadAllAsync(
            SelectHistory,
            r => new LedgerEntry(
                r.GetInt64(0),
                StoredNames.ParseLedgerKind(r.GetString(1)),
                r.GetInt64(2),
                r.GetNullableString(3),
                r.GetString(4),
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5))),
            cancellationToken,
            ("platform", account.Platform), ("tenant", account.TenantId), ("user", account.UserId), ("count", count)).ConfigureAwait(false);
    }

    public async Task<long> GrantAsync(AccountKey account, long amount, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var (balance, moved) = await database.WriteAsync(async tx =>
        {
            var now = time.GetUtcNow();
            var row = await PostgresAccounts.OpenAsync(tx, account, now, _defaultAllowance, cancellationToken).ConfigureAwait(false);

            // A negative grant takes at most what is there; a positive one stops at the bound (as in SQLite).
            var delta = Math.Clamp(amount, -row.Balance, Math.Max(0, CreditLimits.MaxBalance - row.Balance));
            await PostgresAccounts.MoveAsync(tx, row.Id, delta, delta > 0 ? LedgerEntryKind.Grant : LedgerEntryKind.Adjustment, null, null, reason, now, cancellationToken).ConfigureAwait(false);
            return (row.Balance + delta, delta);
        }, cancellationToken).ConfigureAwait(false);

        PostgresLog.Granted(logger, account, moved, reason);
        return balance;
    }

    public async Task SetAllowanceAsync(TenantKey tenant, long dailyAllowance, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dailyAllowance);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dailyAllowance, CreditLimits.MaxBalance);
        await database.WriteAsync(
            tx => tx.ExecuteAsync(UpsertAllowance, cancellationToken,
                ("platform", tenant.Platform), ("tenant", tenant.TenantId), ("allowance", dailyAllowance), ("now", time.GetUtcNow().ToUnixTimeMilliseconds())),
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<long> GetAllowanceAsync(TenantKey tenant, CancellationToken cancellationToken) =>
        await database.ScalarAsync(SelectAllowance, cancellationToken, ("platform", tenant.Platform), ("tenant", tenant.TenantId)).ConfigureAwait(false) as long?
        ?? _defaultAllowance;

    public async Task<string?> TryReserveAsync(AccountKey account, long amount, string reason, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        ArgumentNullException.ThrowIfNull(reason);
        var id = "r" + RandomNumberGenerator.GetHexString(24, lowercase: true);
        return await database.WriteAsync(async tx =>
        {
            var now = time.GetUtcNow();
            var row = await PostgresAccounts.OpenAsync(tx, account, now, _defaultAllowance, cancellationToken).ConfigureAwait(false);
            if (amount > 0 && !await PostgresAccounts.TryReserveAsync(tx, row.Id, amount, null, id, reason, now, cancellationToken).ConfigureAwait(false))
            {
                tx.Abort();
                return null;
            }

            await tx.ExecuteAsync(InsertReservation, cancellationToken,
                ("id", id), ("account", row.Id), ("amount", amount), ("reason", reason), ("now", now.ToUnixTimeMilliseconds())).ConfigureAwait(false);
            return id;
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task SettleAsync(string reservationId, long actual, CancellationToken cancellationToken) =>
        CloseAsync(reservationId, "settled", actual, cancellationToken);

    public Task RefundAsync(string reservationId, CancellationToken cancellationToken) =>
        CloseAsync(reservationId, "refunded", 0, cancellationToken);

    private async Task CloseAsync(string reservationId, string state, long actual, CancellationToken cancellationToken)
    {
        var refund = state == "refunded";
        var closed = await database.ReadAllAsync(
            CloseReservation,
            r => r.GetInt64(1),
            cancellationToken,
            ("reservation", reservationId), ("job", null), ("state", state), ("actual", actual), ("now", time.GetUtcNow().ToUnixTimeMilliseconds()),
            ("kind", StoredNames.Of(refund ? LedgerEntryKind.Refund : LedgerEntryKind.Release)),
            ("reason", refund ? "Reservation refunded" : "Unused reservation returned")).ConfigureAwait(false);
        if (closed.Count == 0)
        {
            PostgresLog.ReservationNotOpen(logger, reservationId, refund ? "refund" : "settle");
        }
    }
}
