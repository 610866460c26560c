using ChatBot.Core.Model;
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

    private const string SelectAllowance = """
        SELECT daily_allowance FROM tenant_allowances WHERE platform = $platform AND tenant_id = $tenant;
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
    public static AccountRow Open(WriteTransaction tx, AccountKey key, DateTimeOffset now, long defaultAllowance)
    {
        var account = Find(tx, key) ?? Create(tx, key, now);
        if (!DailyAllowance.IsDue(account.AllowanceDay, now))
        {
            return account;
        }

        var today = DailyAllowance.DayOf(now);
        var allowance = ReadAllowance(tx, key.Tenant) ?? defaultAllowance;
        var topUp = DailyAllowance.TopUp(account.Balance, allowance);
        var command = tx.Command(TopUp);
        command.Parameters.Set("$amount", topUp).Set("$day", today).Set("$id", account.Id);
        command.ExecuteNonQuery();
        if (topUp > 0)
        {
            Append(tx, account.Id, LedgerEntryKind.Allowance, topUp, null, null, DailyAllowance.Reason, now);
        }

        return account with { Balance = account.Balance + topUp, AllowanceDay = today };
    }

    /// <summary>Takes <paramref name="amount"/> off the balance only when it covers it.</summary>
    public static bool TryDebit(WriteTransaction tx, long accountId, long amount)
    {
        var command = tx.Command(Debit);
        command.Parameters.Set("$amount", amount).Set("$id", accountId);
        return command.ExecuteNonQuery() == 1;
    }

    public static void AddToBalance(WriteTransaction tx, long accountId, long amount)
    {
        var command = tx.Command(Credit);
        command.Parameters.Set("$amount", amount).Set("$id", accountId);
        command.ExecuteNonQuery();
    }

    public static void Append(WriteTransaction tx, long accountId, LedgerEntryKind kind, long amount, string? jobId, string? reservationId, string reason, DateTimeOffset at)
    {
        var command = tx.Command(InsertEntry);
        command.Parameters
            .Set("$account", accountId)
            .Set("$kind", LedgerKinds.ToName(kind))
            .Set("$amount", amount)
            .Set("$job", jobId)
            .Set("$reservation", reservationId)
            .Set("$reason", reason)
            .Set("$at", SqliteValues.ToUnixMs(at));
        command.ExecuteNonQuery();
    }

    public static long? ReadAllowance(WriteTransaction tx, TenantKey tenant)
    {
        var command = tx.Command(SelectAllowance);
        command.Parameters.Set("$platform", tenant.Platform).Set("$tenant", tenant.TenantId);
        return command.ExecuteScalar() is long value ? value : null;
    }

    private static AccountRow? Find(WriteTransaction tx, AccountKey key)
    {
        var command = tx.Command(SelectAccount);
        command.Parameters.Set("$platform", key.Platform).Set("$tenant", key.TenantId).Set("$user", key.UserId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new AccountRow(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)) : null;
    }

    private static AccountRow Create(WriteTransaction tx, AccountKey key, DateTimeOffset now)
    {
        var command = tx.Command(InsertAccount);
        command.Parameters
            .Set("$platform", key.Platform)
            .Set("$tenant", key.TenantId)
            .Set("$user", key.UserId)
            .Set("$now", SqliteValues.ToUnixMs(now));
        var id = (long)command.ExecuteScalar()!;
        return new AccountRow(id, 0, -1);
    }
}
