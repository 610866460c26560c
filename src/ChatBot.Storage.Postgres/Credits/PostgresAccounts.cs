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

    /// <summary>
    /// The allowance of a member holding <c>@roles</c>: the highest of their roles' in the tenant settings'
    /// <c>roleAllowances</c>, else the tenant's own; NULL when neither is set (the default applies).
    /// </summary>
    public const string SelectAllowance = """
        SELECT COALESCE(
            (SELECT MAX(r.value::bigint) FROM tenant_settings s, jsonb_each_text(s.settings::jsonb -> 'roleAllowances') r
             WHERE s.platform = @platform AND s.tenant_id = @tenant AND r.key = ANY(@roles)),
            (SELECT daily_allowance FROM tenant_allowances WHERE platform = @platform AND tenant_id = @tenant));
        """;

    private const string TopUp = "UPDATE accounts SET balance = balance + @amount, allowance_day = @day WHERE id = @id;";

    private const string Debit = "UPDATE accounts SET balance = balance - @amount WHERE id = @id AND balance >= @amount;";

    /// <summary>A movement in one statement: the balance change and its ledger entry.</summary>
    private const string Move = """
        WITH moved AS (UPDATE accounts SET balance = balance + @amount WHERE id = @account RETURNING id)
        INSERT INTO ledger (account_id, kind, amount, job_id, reservation_id, reason, at)
        SELECT id, @kind, @amount, @job, @reservation, @reason, @at FROM moved;
        """;

    /// <summary>A debit only when the balance covers it, with its Reserve entry of −amount, in one statement.</summary>
    private const string Reserve = """
        WITH debited AS (UPDATE accounts SET balance = balance - @amount WHERE id = @account AND balance >= @amount RETURNING id)
        INSERT INTO ledger (account_id, kind, amount, job_id, reservation_id, reason, at)
        SELECT id, @kind, -@amount, @job, @reservation, @reason, @at FROM debited;
        """;

    private const string InsertEntry = """
        INSERT INTO ledger (account_id, kind, amount, job_id, reservation_id, reason, at)
        VALUES (@account, @kind, @amount, @job, @reservation, @reason, @at);
        """;

    /// <summary>
    /// The account (created on first use, locked until the transaction ends) after the lazy daily allowance, with an
    /// Allowance entry when it added credits.
    /// </summary>
    public static Task<(long Id, long Balance)> OpenAsync(PostgresTransaction tx, AccountKey key, DateTimeOffset now, long defaultAllowance, CancellationToken cancellationToken) =>
        OpenAsync(tx, key, now, defaultAllowance, [], cancellationToken);

    /// <param name="roles">The member's roles (<see cref="Core.Model.Actor.Roles"/>): their allowance is read in this transaction.</param>
    public static async Task<(long Id, long Balance)> OpenAsync(PostgresTransaction tx, AccountKey key, DateTimeOffset now, long defaultAllowance, IReadOnlyList<string> roles, CancellationToken cancellationToken)
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
        var allowance = await tx.ScalarAsync(SelectAllowance, cancellationToken, ("platform", key.Platform), ("tenant", key.TenantId), ("roles", roles.ToArray()))
            .ConfigureAwait(false) as long? ?? defaultAllowance;
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

    /// <summary>Takes <paramref name="amount"/> (&gt; 0) off the balance only when it covers it, with its Reserve entry: one statement.</summary>
    public static async Task<bool> TryReserveAsync(PostgresTransaction tx, long accountId, long amount, string? jobId, string? reservationId, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        await tx.ExecuteAsync(Reserve, cancellationToken, Entry(accountId, LedgerEntryKind.Reserve, amount, jobId, reservationId, reason, at)).ConfigureAwait(false) == 1;

    /// <summary>Moves <paramref name="amount"/> (either sign) into the balance with its ledger entry, one statement; nothing for zero.</summary>
    public static async Task MoveAsync(PostgresTransaction tx, long accountId, long amount, LedgerEntryKind kind, string? jobId, string? reservationId, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (amount != 0)
        {
            await tx.ExecuteAsync(Move, cancellationToken, Entry(accountId, kind, amount, jobId, reservationId, reason, at)).ConfigureAwait(false);
        }
    }

    private static (string, object?)[] Entry(long accountId, LedgerEntryKind kind, long amount, string? jobId, string? reservationId, string reason, DateTimeOffset at) =>
    [
        ("account", accountId), ("kind", StoredNames.Of(kind)), ("amount", amount), ("job", jobId), ("reservation", reservationId),
        ("reason", reason), ("at", at.ToUnixTimeMilliseconds()),
    ];

    public static Task<int> AppendAsync(PostgresTransaction tx, long accountId, LedgerEntryKind kind, long amount, string? jobId, string? reservationId, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        tx.ExecuteAsync(InsertEntry, cancellationToken,
            ("account", accountId), ("kind", StoredNames.Of(kind)), ("amount", amount), ("job", jobId), ("reservation", reservationId),
            ("reason", reason), ("at", at.ToUnixTimeMilliseconds()));

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
