using ChatBot.Core.Catalog;
using ChatBot.Storage.Postgres.Database;

namespace ChatBot.Storage.Postgres.Jobs;

/// <summary>Rows of the <c>jobs</c> table as <see cref="JobRecord"/>s.</summary>
internal static class PostgresJobRows
{
    public const string Columns = """
        SELECT j.id, a.platform, a.tenant_id, a.user_id, j.state, j.spec, j.reply_platform, j.reply_value,
               j.provider, j.reserved, j.charged, j.remote_id, j.resume_state, j.error, j.output_keys,
               j.created_at, j.started_at, j.finished_at, j.owner, j.lease_until
        FROM jobs j JOIN accounts a ON a.id = j.account_id
        """;

    /// <summary>A job from <see cref="Columns"/>, in their order.</summary>
    public static JobRecord Read(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Account = new AccountKey(reader.GetString(1), reader.GetString(2), reader.GetString(3)),
        State = StoredNames.ParseJobState(reader.GetString(4)),
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
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(15)),
        StartedAt = reader.GetNullableTime(16),
        FinishedAt = reader.GetNullableTime(17),
        Owner = reader.GetNullableString(18),
        LeaseUntil = reader.GetNullableTime(19),
    };
}
