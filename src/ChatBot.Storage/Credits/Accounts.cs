using ChatBot.Core.Credits;
using ChatBot.Storage.Sqlite;

namespace ChatBot.Storage.Credits;

/// <summary>
/// Account rows and ledger entries, written inside a caller's write transaction. Every change of a balance
/// goes with exactly one ledger entry of the same amount, so the balance always equals the sum of the ledger.
/// </summary>
internal static class Accounts
{
    private const string SelectAccount = """
        SELECT id, balance, allowance_day FROM accounts
        WHERE platform = $platform AND tenant_id = $tenant AND user_id = $user;
        """;

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

    private const string TopUp = """
        UPDATE accounts SET balance = balance + $amount, allowance_day = $day WHERE id = $id;
        """;

    private const string Debit = """
        UPDATE accounts SET balance = balance - $amount WHERE id = $id AND balance >= $amount;
        """;

    private const string Credit = """
        UPDATE accounts SET balance = balance + $amount WHERE id = $id;
        """;

    private const string InsertEntry = """
        INSERT INTO ledger (account_id, kind, amount, job_id, reservation_id, reason, at)
        VALUES ($account, $kind, $amount, $job, $reservation, $reason, $at);
        """;

    /// <summary>
    /// The account (created on first use) after the lazy daily allowance (<see cref="DailyAllowance"/>),
    /// with an Allowance entry when it added credits.
    /// </summary>
    /// <param name="roles">The member's roles (<see cref="Core.Model.Actor.Roles"/>): read with the tenant's allowance in this transaction.</param>
    public static AccountRow Open(WriteTransaction tx, AccountKey key, DateTimeOffset now, long defaultAllowance, IReadOnlyList<string>? roles = null)
    {
        var account = Find(tx, key) ?? Create(tx, key, now);
        if (!DailyAllowance.IsDue(account.AllowanceDay, now))
        {
            return account;
        }

        var today = DailyAllowance.DayOf(now);
        var allowance = ReadAllowance(tx, key.Tenant, roles) ?? defaultAllowance;
        var topUp = DailyAllowance.TopUp(account.Balance, allowance);
        tx.Execute(TopUp, ("$amount", topUp), ("$day", today), ("$id", account.Id));
        if (topUp > 0)
        {
            Append(tx, account.Id, LedgerEntryKind.Allowance, topUp, null, null, DailyAllowance.Reason, now);
        }

        return account with { Balance = account.Balance + topUp, AllowanceDay = today };
    }

    /// <summary>Takes <paramref name="amount"/> off the balance only when it covers it.</summary>
    public static bool TryDebit(WriteTransaction tx, long accountId, long amount)
    {
        return tx.Execute(Debit, ("$amount", amount), ("$id", accountId)) == 1;
    }

    public static void AddToBalance(WriteTransaction tx, long accountId, long amount)
    {
        tx.Execute(Credit, ("$amount", amount), ("$id", accountId));
    }

    /// <summary>Returns <paramref name="amount"/> to the balance with its ledger entry; nothing when there is nothing to return.</summary>
    public static void GiveBack(WriteTransaction tx, long accountId, long amount, LedgerEntryKind kind, string? jobId, string? reservationId, string reason, DateTimeOffset at)
    {
        if (amount > 0)
        {
            AddToBalance(tx, accountId, amount);
            Append(tx, accountId, kind, amount, jobId, reservationId, reason, at);
        }
    }

    /// <summary>The row a closing statement returns: <c>account_id, reserved, charged</c>.</summary>
    public static (long AccountId, long Reserved, long Charged) ReadClosedReservation(SqliteDataReader reader) =>
        (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));

    public static void Append(WriteTransaction tx, long accountId, LedgerEntryKind kind, long amount, string? jobId, string? reservationId, string reason, DateTimeOffset at)
    {
        tx.Execute(InsertEntry,
            ("$account", accountId), ("$kind", LedgerKinds.ToName(kind)), ("$amount", amount), ("$job", jobId), ("$reservation", reservationId),
            ("$reason", reason), ("$at", SqliteValues.ToUnixMs(at)));
    }

    public static long? ReadAllowance(WriteTransaction tx, TenantKey tenant, IReadOnlyList<string>? roles = null)
    {
        var command = tx.Command(SelectAllowance, ("$platform", tenant.Platform), ("$tenant", tenant.TenantId), ("$roles", RolesJson(roles)));
        return command.ExecuteScalar() is long value ? value : null;
    }

    /// <summary>The roles as the JSON array <see cref="SelectAllowance"/> reads.</summary>
    public static string RolesJson(IReadOnlyList<string>? roles) => roles is { Count: > 0 } ? JsonSerializer.Serialize(roles) : "[]";

    private static AccountRow? Find(WriteTransaction tx, AccountKey key)
    {
        var command = tx.Command(SelectAccount, ("$platform", key.Platform), ("$tenant", key.TenantId), ("$user", key.UserId));
        using var reader = command.ExecuteReader();
        return reader.Read() ? new AccountRow(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)) : null;
    }

    private static AccountRow Create(WriteTransaction tx, AccountKey key, DateTimeOffset now)
    {
        var command = tx.Command(InsertAccount,
            ("$platform", key.Platform), ("$tenant", key.TenantId), ("$user", key.UserId), ("$now", SqliteValues.ToUnixMs(now)));
        var id = (long)command.ExecuteScalar()!;
        return new AccountRow(id, 0, -1);
    }
}
