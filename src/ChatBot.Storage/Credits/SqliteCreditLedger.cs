using ChatBot.Core.Credits;
using ChatBot.Storage.Jobs;
using ChatBot.Storage.Sqlite;

namespace ChatBot.Storage.Credits;

/// <summary>
/// Balances, history, grants and allowances, plus reservations that belong to no job (benchmarks, tests).
/// Reading a balance is a "use": it applies the day's allowance when that has not happened yet.
/// </summary>
internal sealed class SqliteCreditLedger(
    SqliteDatabase database,
    TimeProvider time,
    IOptions<CreditOptions> credits,
    ILogger<SqliteCreditLedger> logger) : ICreditLedger
{
    private const string SelectAccount = """
        SELECT id, balance, allowance_day FROM accounts
        WHERE platform = $platform AND tenant_id = $tenant AND user_id = $user;
        """;

    private const string SelectReserved = $"""
        SELECT COALESCE((SELECT SUM(reserved) FROM jobs
                         WHERE account_id = $account AND state NOT IN {JobStateNames.TerminalList}), 0)
             + COALESCE((SELECT SUM(amount) FROM reservations WHERE account_id = $account AND state = 'open'), 0);
        """;

    private const string SelectAllowance = """
        SELECT daily_allowance FROM tenant_allowances WHERE platform = $platform AND tenant_id = $tenant;
        """;

    private const string UpsertAllowance = """
        INSERT INTO tenant_allowances (platform, tenant_id, daily_allowance, updated_at)
        VALUES ($platform, $tenant, $allowance, $now)
        ON CONFLICT (platform, tenant_id) DO UPDATE SET daily_allowance = excluded.daily_allowance, updated_at = excluded.updated_at;
        """;

    private const string InsertReservation = """
        INSERT INTO reservations (id, account_id, amount, state, reason, created_at)
        VALUES ($id, $account, $amount, 'open', $reason, $now);
        """;

    /// <summary>
    /// Closes an open reservation, returns what it did not charge to the balance and writes that entry: one command, whose
    /// later statements run only when the one before changed a row. Changes no row when the reservation was not open.
    /// </summary>
    private const string CloseReservation = """
        UPDATE reservations
        SET state = $state, charged = MIN(MAX($actual, 0), amount), finished_at = $now
        WHERE id = $id AND state = 'open';
        UPDATE accounts SET balance = balance + (SELECT amount - charged FROM reservations WHERE id = $id)
        WHERE changes() = 1 AND id = (SELECT account_id FROM reservations WHERE id = $id AND amount > charged);
        INSERT INTO ledger (account_id, kind, amount, job_id, reservation_id, reason, at)
        SELECT account_id, $kind, amount - charged, NULL, $id, $reason, $now FROM reservations WHERE id = $id AND changes() = 1;
        """;

    private readonly long _defaultAllowance = credits.Value.DefaultDailyAllowance;

    private const string SelectHistory = """
        SELECT l.id, l.kind, l.amount, l.job_id, l.reason, l.at
        FROM ledger l JOIN accounts a ON a.id = l.account_id
        WHERE a.platform = $platform AND a.tenant_id = $tenant AND a.user_id = $user
        ORDER BY l.id DESC
        LIMIT $count;
        """;

    public Task<CreditBalance> GetBalanceAsync(AccountKey account, CancellationToken cancellationToken) =>
        GetBalanceAsync(account, [], cancellationToken);

    public async Task<CreditBalance> GetBalanceAsync(AccountKey account, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        using var connection = database.OpenRead();
        long accountId, available;
        using (var command = connection.Command(SelectAccount, ("$platform", account.Platform), ("$tenant", account.TenantId), ("$user", account.UserId)))
        {
            using var reader = command.ExecuteReader();
            (accountId, available) = reader.Read() && !DailyAllowance.IsDue(reader.GetInt64(2), now) ? (reader.GetInt64(0), reader.GetInt64(1)) : (-1, 0);
        }

        if (accountId < 0)
        {
            // First use today (or ever): the allowance may apply, which is a write.
            var row = await database.WriteAsync(tx => Accounts.Open(tx, account, now, _defaultAllowance, roles), cancellationToken).ConfigureAwait(false);
            (accountId, available) = (row.Id, row.Balance);
        }

        var held = (long)connection.Scalar(SelectReserved, ("$account", accountId))!;
        var allowance = connection.Scalar(
            Accounts.SelectAllowance, ("$platform", account.Platform), ("$tenant", account.TenantId), ("$roles", Accounts.RolesJson(roles))) as long? ?? _defaultAllowance;
        return new CreditBalance(available, held, allowance, DailyAllowance.NextTopUp(now));
    }

    public Task<IReadOnlyList<LedgerEntry>> GetHistoryAsync(AccountKey account, int count, CancellationToken cancellationToken) =>
        database.ReadLatestAsync(
            SelectHistory,
            count,
            reader => new LedgerEntry(
                reader.GetInt64(0),
                LedgerKinds.Parse(reader.GetString(1)),
                reader.GetInt64(2),
                reader.GetNullableString(3),
                reader.GetString(4),
                SqliteValues.FromUnixMs(reader.GetInt64(5))),
            cancellationToken,
            ("$platform", account.Platform), ("$tenant", account.TenantId), ("$user", account.UserId));

    public async Task<long> GrantAsync(AccountKey account, long amount, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var (balance, moved) = await database.WriteAsync(tx =>
        {
            var now = time.GetUtcNow();
            var row = Accounts.Open(tx, account, now, _defaultAllowance);

            // A negative grant takes at most what is there: the balance never goes below zero. A positive one stops
            // at the bound, so neither the balance nor the sum of the ledger can overflow.
            var delta = Math.Clamp(amount, -row.Balance, Math.Max(0, CreditLimits.MaxBalance - row.Balance));
            if (delta == 0)
            {
                return (row.Balance, 0L);
            }

            Accounts.MoveBalance(tx, row.Id, delta, delta > 0 ? LedgerEntryKind.Grant : LedgerEntryKind.Adjustment, null, null, reason, now);
            return (row.Balance + delta, delta);
        }, cancellationToken).ConfigureAwait(false);

        StorageLog.Granted(logger, account, moved, reason);
        return balance;
    }

    public async Task SetAllowanceAsync(TenantKey tenant, long dailyAllowance, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dailyAllowance);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dailyAllowance, CreditLimits.MaxBalance);
        await database.WriteAsync(tx =>
        {
            return tx.Execute(UpsertAllowance,
                ("$platform", tenant.Platform), ("$tenant", tenant.TenantId), ("$allowance", dailyAllowance),
                ("$now", SqliteValues.ToUnixMs(time.GetUtcNow())));
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task<long> GetAllowanceAsync(TenantKey tenant, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = database.OpenRead();
        return Task.FromResult(ReadAllowance(connection, tenant) ?? _defaultAllowance);
    }

    public async Task<string?> TryReserveAsync(AccountKey account, long amount, string reason, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        ArgumentNullException.ThrowIfNull(reason);
        var id = "r" + RandomNumberGenerator.GetHexString(24, lowercase: true);
        return await database.WriteAsync(tx =>
        {
            var now = time.GetUtcNow();
            if (Accounts.TryReserveQuickly(tx, account, amount, id, reason, now))
            {
                return id;
            }

            var row = Accounts.Open(tx, account, now, _defaultAllowance);
            if (amount > 0 && !Accounts.TryReserve(tx, row.Id, amount, null, id, reason, now))
            {
                tx.Abort();
                return null;
            }

            tx.Execute(InsertReservation,
                ("$id", id), ("$account", row.Id), ("$amount", amount), ("$reason", reason), ("$now", SqliteValues.ToUnixMs(now)));
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
        var closed = await database.WriteAsync(tx => tx.Execute(
            CloseReservation,
            ("$id", reservationId), ("$state", state), ("$actual", actual), ("$now", SqliteValues.ToUnixMs(time.GetUtcNow())),
            ("$kind", LedgerKinds.ToName(refund ? LedgerEntryKind.Refund : LedgerEntryKind.Release)),
            ("$reason", refund ? "Reservation refunded" : "Unused reservation returned")) > 0, cancellationToken).ConfigureAwait(false);

        if (!closed)
        {
            StorageLog.ReservationNotOpen(logger, reservationId, state == "refunded" ? "refund" : "settle");
        }
    }

    private static long? ReadAllowance(Microsoft.Data.Sqlite.SqliteConnection connection, TenantKey tenant)
    {
        return connection.Scalar(SelectAllowance, ("$platform", tenant.Platform), ("$tenant", tenant.TenantId)) is long value ? value : null;
    }
}
