using System.Data.Common;
using System.Globalization;
using ChatBot.Core.Model;

namespace ChatBot.Storage.Tests.TestSupport;

/// <summary>The SQL checks of <see cref="IStoreFixture"/> over any ADO.NET connection (SQLite and Npgsql both take <c>@name</c>).</summary>
internal static class StoreChecks
{
    private const string Invariants = """
        SELECT a.id, a.balance,
               COALESCE((SELECT SUM(amount) FROM ledger l WHERE l.account_id = a.id), 0),
               COALESCE((SELECT SUM(amount) FROM ledger l WHERE l.account_id = a.id AND kind IN ('allowance', 'grant', 'adjustment')), 0),
               COALESCE((SELECT SUM(charged) FROM jobs j WHERE j.account_id = a.id AND state = 'succeeded'), 0),
               COALESCE((SELECT SUM(reserved) FROM jobs j WHERE j.account_id = a.id AND state NOT IN ('succeeded', 'failed', 'cancelled', 'refunded')), 0),
               COALESCE((SELECT SUM(CASE state WHEN 'open' THEN amount ELSE charged END) FROM reservations r WHERE r.account_id = a.id), 0)
        FROM accounts a;
        """;

    public static long Scalar(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        var result = command.ExecuteScalar();
        return result is null or DBNull ? 0L : Convert.ToInt64(result, CultureInfo.InvariantCulture);
    }

    public static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static long BalanceOf(DbConnection connection, AccountKey account)
    {
        var found = Scalar(connection, "SELECT COUNT(*) FROM accounts WHERE platform = @p AND tenant_id = @t AND user_id = @u;", ("p", account.Platform), ("t", account.TenantId), ("u", account.UserId));
        found.ShouldBe(1, $"No account {account}.");
        return Scalar(connection, "SELECT balance FROM accounts WHERE platform = @p AND tenant_id = @t AND user_id = @u;", ("p", account.Platform), ("t", account.TenantId), ("u", account.UserId));
    }

    /// <summary>
    /// For every account: the balance equals the sum of its ledger, is never negative, and credits are conserved —
    /// what came in (allowances, grants, adjustments) equals the balance plus what finished jobs and reservations
    /// charged plus what active ones still hold.
    /// </summary>
    public static void AssertInvariants(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Invariants;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var values = Enumerable.Range(0, 7).Select(i => Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture)).ToArray();
            var (id, balance, ledger, income, charged, held, reservations) = (values[0], values[1], values[2], values[3], values[4], values[5], values[6]);
            balance.ShouldBe(ledger, $"account {id}: balance must equal the sum of its ledger");
            balance.ShouldBeGreaterThanOrEqualTo(0, $"account {id}: balance must never be negative");
            income.ShouldBe(balance + charged + held + reservations, $"account {id}: credits must be conserved");
        }
    }
}
