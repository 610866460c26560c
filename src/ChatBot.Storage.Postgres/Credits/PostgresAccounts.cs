using ChatBot.Core.Credits;
using ChatBot.Storage.Postgres.Database;

namespace ChatBot.Storage.Postgres.Credits;

/// <summary>
/// Account rows and ledger entries, written inside a caller's transaction. Every change of a balance goes with exactly
/// one ledger entry of the same amount, so the balance always equals the sum of the ledger. An account is opened with
/// its row locked (<c>FOR NO KEY UPDATE</c>): everything that reads a balance and then decides (a reservation, the
/// queue limit, the day's allowance) runs one at a time per account, across every worker.
/// </summary>
internal static class PostgresAccounts
{
    private const string LockAccount = """
        SELECT id, balance, allowance_day FROM accounts
        WHERE platform = @platform AND tenant_id = @tenant AND user_id = @user
        FOR NO KEY UPDATE;
        """;

    private const string InsertAccount = """
        INSERT INTO accounts (platform, tenant_id, user_id, balance, allowance_day, created_at)
        VALUES (@platform, @tenant, @user, 0, -1, @now)
        ON CONFLICT (platform, tenant_id, user_id) DO NOTHING;
        """;

    private const string SelectAllowance = "SELECT daily_allowance FROM tenant_allowances WHERE platform = @platform AND tenant_id = @tenant;";

    private const string TopUp = "UPDATE accounts SET balance = balance + @amount, allowance_day = @day WHERE id = @id;";

    private const string Debit = "UPDATE accounts SET balance = balance - @amount WHERE id = @id AND balance >= @amount;";

    private const string Credit = "UPDATE accounts SET balance = balance + @amount WHERE id = @id;";

    private const string InsertEntry = """
        INSERT INTO ledger (account_id, kind, amount, job_id, reservation_id, reason, at)
        VALUES (@account, @kind, @amount, @job, @reservation, @reason, @at);
        """;

    /// <summary>
    /// The account (created on first use, locked until the transaction ends) after the lazy daily allowance, with an
    /// Allowance entry when it added credits.
    /// </summary>
    public static async Task<(long Id, long Balance)> OpenAsync(PostgresTransaction tx, AccountKey key, DateTimeOffset now, long defaultAllowance, CancellationToken cancellationToken)
    {
        (string, object?)[] keys = [("platform", key.Platform), ("tenant", key.TenantId), ("user", key.UserId)];
        var account = await LockAsync(tx, keys, cancellationToken).ConfigureAwait(false);
        if (account is null)
        {
            await tx.ExecuteAsync(InsertAccount, cancellationToken, [.. keys, ("now", now.ToUnixTimeMilliseconds())]).ConfigureAwait(false);
            account = await LockAsync(tx, keys, cancellationToken).ConfigureAwait(false);
        }

        var (id, balance, day) = account ?? throw new InvalidOperationException("An account row vanished while it was being opened.");
        if (!DailyAllowance.IsDue(day, now))
        {
            return (id, balance);
        }

        var today = DailyAllowance.DayOf(now);
        var allowance = await ReadAllowanceAsync(tx, key.Tenant, cancellationToken).ConfigureAwait(false) ?? defaultAllowance;
        var topUp = DailyAllowance.TopUp(balance, allowance);
        await tx.ExecuteAsync(TopUp, cancellationToken, ("amount", topUp), ("day", today), ("id", id)).ConfigureAwait(false);
        if (topUp > 0)
        {
            await AppendAsync(tx, id, LedgerEntryKind.Allowance, topUp, null, null, DailyAllowance.Reason, now, cancellationToken).ConfigureAwait(false);
        }

        return (id, balance + topUp);
    }

    /// <summary>Takes <paramref name="amount"/> off the balance only when it covers it.</summary>
    public static async Task<bool> TryDebitAsync(PostgresTransaction tx, long accountId, long amount, CancellationToken cancellationToken) =>
        await tx.ExecuteAsync(Debit, cancellationToken, ("amount", amount), ("id", accountId)).ConfigureAwait(false) == 1;

    /// <summary>Moves <paramref name="amount"/> (either sign) into the balance with its ledger entry; nothing for zero.</summary>
    public static async Task MoveAsync(PostgresTransaction tx, long accountId, long amount, LedgerEntryKind kind, string? jobId, string? reservationId, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (amount != 0)
        {
            await tx.ExecuteAsync(Credit, cancellationToken, ("amount", amount), ("id", accountId)).ConfigureAwait(false);
            await AppendAsync(tx, accountId, kind, amount, jobId, reservationId, reason, at, cancellationToken).ConfigureAwait(false);
        }
    }

    public static Task<int> AppendAsync(PostgresTransaction tx, long accountId, LedgerEntryKind kind, long amount, string? jobId, string? reservationId, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        tx.ExecuteAsync(InsertEntry, cancellationToken,
            ("account", accountId), ("kind", StoredNames.Of(kind)), ("amount", amount), ("job", jobId), ("reservation", reservationId),
            ("reason", reason), ("at", at.ToUnixTimeMilliseconds()));

    public static async Task<long?> ReadAllowanceAsync(PostgresTransaction tx, TenantKey tenant, CancellationToken cancellationToken) =>
        await tx.ScalarAsync(SelectAllowance, cancellationToken, ("platform", tenant.Platform), ("tenant", tenant.TenantId)).ConfigureAwait(false) as long?;

    private static Task<(long Id, long Balance, long Day)?> LockAsync(PostgresTransaction tx, (string, object?)[] keys, CancellationToken cancellationToken) =>
        tx.ReadFirstAsync(LockAccount, r => (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2)), cancellationToken, keys);

    /// <summary>
    /// One statement that closes a job or a reservation (<paramref name="close"/>: an UPDATE returning <c>account_id</c>,
    /// <c>charged</c> and <c>back</c>, what goes back to the account), credits <c>back</c> and writes its ledger entry
    /// (<c>@kind</c>, <c>@job</c>, <c>@reservation</c>, <c>@reason</c>, <c>@now</c>); it returns <c>charged, back</c>, or no
    /// row when nothing was open. So a job or reservation is settled exactly once or not at all.
    /// </summary>
    public static string CloseAndCredit(string close) => $"""
        WITH closed AS (
            {close}
        ), credited AS (
            UPDATE accounts a SET balance = a.balance + c.back FROM closed c WHERE a.id = c.account_id AND c.back > 0
            RETURNING a.id
        ), entry AS (
            INSERT INTO ledger (account_id, kind, amount, job_id, reservation_id, reason, at)
            SELECT account_id, @kind, back, @job, @reservation, @reason, @now FROM closed WHERE back > 0
            RETURNING id
        )
        SELECT charged, back FROM closed;
        """;
}
