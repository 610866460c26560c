using ChatBot.Core.Credits;
using ChatBot.Storage.Sqlite;

namespace ChatBot.Storage.Credits;

/// <summary>
/// Account rows and ledger entries, written inside a caller's write transaction. Every change of a balance
/// goes with exactly one ledger entry of the same amount, so the balance always equals the sum of the ledger:
/// each movement is one command (the balance change and its entry, the entry conditioned on the change with
/// <c>changes()</c>; SQLite has no data-modifying CTE). Account ids never change and accounts are never deleted,
/// so ids found in committed transactions are cached (<see cref="SqliteDatabase.AccountIds"/>).
/// </summary>
internal static class Accounts
{
    /// <summary>A cache this large is dropped and refilled (about 100 bytes an account).</summary>
    private const int MaxCachedIds = 200_000;

    private const string SelectAccount = """
        SELECT id, balance, allowance_day FROM accounts
        WHERE platform = $platform AND tenant_id = $tenant AND user_id = $user;
        """;

    private const string SelectAccountById = "SELECT id, balance, allowance_day FROM accounts WHERE id = $id;";

    private const string InsertAccount = """
        INSERT INTO accounts (platform, tenant_id, user_id, balance, allowance_day, created_at)
        VALUES ($platform, $tenant, $user, 0, -1, $now)
        RETURNING id;
        """;

    /// <summary>
    /// The allowance of a member holding the roles of <c>$roles</c> (a JSON array): the highest of their roles' in the
    /// tenant settings' <c>roleAllowances</c>, else the tenant's own; NULL when neither is set (the default applies).
    /// </summary>
    public const string SelectAllowance = """
        SELECT COALESCE(
            (SELECT MAX(CAST(r.value AS INTEGER)) FROM tenant_settings s, json_each(s.settings, '$.roleAllowances') r
             WHERE s.platform = $platform AND s.tenant_id = $tenant AND r.key IN (SELECT value FROM json_each($roles))),
            (SELECT daily_allowance FROM tenant_allowances WHERE platform = $platform AND tenant_id = $tenant));
        """;

    /// <summary>The ledger entry of a movement, written only when the statement before it changed a row.</summary>
    private const string EntryIfChanged = """
        INSERT INTO ledger (account_id, kind, amount, job_id, reservation_id, reason, at)
        SELECT $account, $kind, $amount, $job, $reservation, $reason, $at WHERE changes() = 1;
        """;

    /// <summary>The day's allowance top-up ($amount ≥ 0) with its entry (none for nothing).</summary>
    private const string TopUp = """
        UPDATE accounts SET balance = balance + $amount, allowance_day = $day WHERE id = $account;
        INSERT INTO ledger (account_id, kind, amount, job_id, reservation_id, reason, at)
        SELECT $account, $kind, $amount, $job, $reservation, $reason, $at WHERE changes() = 1 AND $amount > 0;
        """;

    /// <summary>A debit of $amount (&gt; 0) only when the balance covers it, with its entry of -$amount.</summary>
    private const string Debit = $"""
        UPDATE accounts SET balance = balance - $amount WHERE id = $account AND balance >= $amount;
        {EntryIfChangedNegated}
        """;

    /// <summary>
    /// A reservation outside jobs in one command, when the account's allowance is not due today: the debit, its entry and
    /// the reservation row. Changes 3 rows when done, none when the allowance is due or the balance does not cover it.
    /// </summary>
    private const string QuickReserve = $"""
        UPDATE accounts SET balance = balance - $amount WHERE id = $account AND allowance_day >= $day AND balance >= $amount;
        {EntryIfChangedNegated}
        INSERT INTO reservations (id, account_id, amount, state, reason, created_at)
        SELECT $reservation, $account, $amount, 'open', $reason, $at WHERE changes() = 1;
        """;

    private const string EntryIfChangedNegated = """
        INSERT INTO ledger (account_id, kind, amount, job_id, reservation_id, reason, at)
        SELECT $account, $kind, -$amount, $job, $reservation, $reason, $at WHERE changes() = 1;
        """;

    /// <summary>A movement of $amount (either sign, never 0) into the balance with its entry.</summary>
    private const string Move = $"""
        UPDATE accounts SET balance = balance + $amount WHERE id = $account;
        {EntryIfChanged}
        """;

    /// <summary>
    /// The account (created on first use) after the lazy daily allowance (<see cref="DailyAllowance"/>),
    /// with an Allowance entry when it added credits.
    /// </summary>
    /// <param name="roles">The member's roles (<see cref="Core.Model.Actor.Roles"/>): read with the tenant's allowance in this transaction.</param>
    public static AccountRow Open(WriteTransaction tx, AccountKey key, DateTimeOffset now, long defaultAllowance, IReadOnlyList<string>? roles = null)
    {
        var account = (CachedId(tx, key) is { } id ? FindById(tx, id) : null) ?? Remember(tx, key, Find(tx, key) ?? Create(tx, key, now));
        if (!DailyAllowance.IsDue(account.AllowanceDay, now))
        {
            return account;
        }

        var today = DailyAllowance.DayOf(now);
        var allowance = ReadAllowance(tx, key.Tenant, roles) ?? defaultAllowance;
        var topUp = DailyAllowance.TopUp(account.Balance, allowance);
        tx.Execute(TopUp, [("$day", today), .. Entry(account.Id, LedgerEntryKind.Allowance, topUp, null, null, DailyAllowance.Reason, now)]);
        return account with { Balance = account.Balance + topUp, AllowanceDay = today };
    }

    /// <summary>
    /// A reservation outside jobs (the <c>reservations</c> row) in one command when the account is known, its allowance
    /// already applied today and its balance covers <paramref name="amount"/> (&gt; 0); false otherwise: then take the
    /// long way (<see cref="Open"/>, <see cref="TryReserve"/>, the row).
    /// </summary>
    public static bool TryReserveQuickly(WriteTransaction tx, AccountKey key, long amount, string reservationId, string reason, DateTimeOffset now) =>
        amount > 0 && CachedId(tx, key) is { } id
        && tx.Execute(QuickReserve, [("$day", DailyAllowance.DayOf(now)), .. Entry(id, LedgerEntryKind.Reserve, amount, null, reservationId, reason, now)]) == 3;

    /// <summary>Takes <paramref name="amount"/> (&gt; 0) off the balance only when it covers it, with its Reserve entry of −amount.</summary>
    public static bool TryReserve(WriteTransaction tx, long accountId, long amount, string? jobId, string? reservationId, string reason, DateTimeOffset at) =>
        tx.Execute(Debit, Entry(accountId, LedgerEntryKind.Reserve, amount, jobId, reservationId, reason, at)) == 2;

    /// <summary>Moves <paramref name="amount"/> (either sign) into the balance with its ledger entry; nothing for zero.</summary>
    public static void MoveBalance(WriteTransaction tx, long accountId, long amount, LedgerEntryKind kind, string? jobId, string? reservationId, string reason, DateTimeOffset at)
    {
        if (amount != 0)
        {
            tx.Execute(Move, Entry(accountId, kind, amount, jobId, reservationId, reason, at));
        }
    }

    /// <summary>Returns <paramref name="amount"/> to the balance with its ledger entry; nothing when there is nothing to return.</summary>
    public static void GiveBack(WriteTransaction tx, long accountId, long amount, LedgerEntryKind kind, string? jobId, string? reservationId, string reason, DateTimeOffset at)
    {
        if (amount > 0)
        {
            MoveBalance(tx, accountId, amount, kind, jobId, reservationId, reason, at);
        }
    }

    /// <summary>The row a closing statement returns: <c>account_id, reserved, charged</c>.</summary>
    public static (long AccountId, long Reserved, long Charged) ReadClosedReservation(SqliteDataReader reader) =>
        (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));

    /// <summary>The parameters of a ledger entry, as every movement command names them.</summary>
    private static (string Name, object? Value)[] Entry(long accountId, LedgerEntryKind kind, long amount, string? jobId, string? reservationId, string reason, DateTimeOffset at) =>
    [
        ("$account", accountId), ("$kind", LedgerKinds.ToName(kind)), ("$amount", amount), ("$job", jobId), ("$reservation", reservationId),
        ("$reason", reason), ("$at", SqliteValues.ToUnixMs(at)),
    ];

    private static long? CachedId(WriteTransaction tx, AccountKey key) => tx.Database.AccountIds.TryGetValue(key, out var id) ? id : null;

    /// <summary>Caches the account's id once this transaction committed (never a row that may be rolled back).</summary>
    private static AccountRow Remember(WriteTransaction tx, AccountKey key, AccountRow account)
    {
        var ids = tx.Database.AccountIds;
        tx.AfterCommit(() =>
        {
            if (ids.Count >= MaxCachedIds)
            {
                ids.Clear();
            }

            ids[key] = account.Id;
        });
        return account;
    }

    private static AccountRow? FindById(WriteTransaction tx, long id) => tx.ReadFirst(SelectAccountById, ReadRow, ("$id", id));

    private static AccountRow ReadRow(SqliteDataReader reader) => new(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));

    public static long? ReadAllowance(WriteTransaction tx, TenantKey tenant, IReadOnlyList<string>? roles = null)
    {
        var command = tx.Command(SelectAllowance, ("$platform", tenant.Platform), ("$tenant", tenant.TenantId), ("$roles", RolesJson(roles)));
        return command.ExecuteScalar() is long value ? value : null;
    }

    /// <summary>The roles as the JSON array <see cref="SelectAllowance"/> reads.</summary>
    public static string RolesJson(IReadOnlyList<string>? roles) => roles is { Count: > 0 } ? JsonSerializer.Serialize(roles) : "[]";

    private static AccountRow? Find(WriteTransaction tx, AccountKey key)
    {
        return tx.ReadFirst(SelectAccount, ReadRow, ("$platform", key.Platform), ("$tenant", key.TenantId), ("$user", key.UserId));
    }

    private static AccountRow Create(WriteTransaction tx, AccountKey key, DateTimeOffset now)
    {
        var command = tx.Command(InsertAccount,
            ("$platform", key.Platform), ("$tenant", key.TenantId), ("$user", key.UserId), ("$now", SqliteValues.ToUnixMs(now)));
        var id = (long)command.ExecuteScalar()!;
        return new AccountRow(id, 0, -1);
    }
}
