using ChatBot.Core.Catalog;
using ChatBot.Core.Jobs;
using ChatBot.Storage.Sqlite;

namespace ChatBot.Storage.Jobs;

/// <summary>Rows of the <c>jobs</c> table: reading one back, and counting an account's waiting ones inside a write.</summary>
internal static class JobRows
{
    private const string CountQueued = """
        SELECT COUNT(*) FROM jobs WHERE account_id = $account AND state = 'queued';
        """;

    /// <summary>
    /// The refusal when the account already has <paramref name="max"/> jobs waiting; null when there is room (or no
    /// limit). Counted inside the caller's write transaction, so two racing commands cannot both take the last place.
    /// </summary>
    public static CreateJobResult.QueueFull? QueueFull(WriteTransaction tx, long accountId, int? max)
    {
        if (max is not { } limit)
        {
            return null;
        }

        var queued = (int)(long)tx.Command(CountQueued, ("$account", accountId)).ExecuteScalar()!;
        return queued >= limit ? new CreateJobResult.QueueFull(queued, limit) : null;
    }

    /// <summary>A job from the columns of <c>SqliteJobStore.Columns</c>, in their order.</summary>
    public static JobRecord Read(SqliteDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Account = new AccountKey(reader.GetString(1), reader.GetString(2), reader.GetString(3)),
        State = JobStateNames.Parse(reader.GetString(4)),
        Spec = JsonSerializer.Deserialize<JobSpec>(reader.GetString(5), ModelCatalog.JsonOptions)
            ?? throw new InvalidOperationException("A job row holds an empty spec."),
        Reply = new ReplyHandle(reader.GetString(6), reader.GetString(7)),
        Provider = reader.GetString(8),
        ReservedCredits = reader.GetInt64(9),
        ChargedCredits = reader.GetNullableInt64(10),
        RemoteId = reader.GetNullableString(11),
        ResumeState = reader.GetNullableString(12),
        Error = reader.GetNullableString(13),
        OutputKeys = JsonSerializer.Deserialize<string[]>(reader.GetString(14), ModelCatalog.JsonOptions) ?? [],
        CreatedAt = SqliteValues.FromUnixMs(reader.GetInt64(15)),
        StartedAt = SqliteValues.FromUnixMs(reader, 16),
        FinishedAt = SqliteValues.FromUnixMs(reader, 17),
        Owner = reader.GetNullableString(18),
        LeaseUntil = SqliteValues.FromUnixMs(reader, 19),
    };
}
