using System.Text.Json;
using ChatBot.Core.Catalog;
using ChatBot.Core.Model;
using ChatBot.Core.Credits;
using ChatBot.Core.Jobs;
using ChatBot.Storage.Credits;
using ChatBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Storage.Jobs;

/// <summary>
/// Jobs in SQLite. Each transition is one compare-and-set UPDATE (on the expected state, or on "not terminal"),
/// in the same transaction as the ledger entry it implies, so a job ends exactly once and is charged at most once.
/// </summary>
internal sealed class SqliteJobStore(
    SqliteDatabase database,
    TimeProvider time,
    IOptions<CreditOptions> credits,
    ILogger<SqliteJobStore> logger) : IJobStore
{
    private const string Columns = """
        SELECT j.id, a.platform, a.tenant_id, a.user_id, j.state, j.spec, j.reply_platform, j.reply_value,
               j.provider, j.reserved, j.charged, j.remote_id, j.resume_state, j.error, j.output_keys,
               j.created_at, j.started_at, j.finished_at
        FROM jobs j JOIN accounts a ON a.id = j.account_id
        """;

    private const string InsertJob = """
        INSERT INTO jobs (id, account_id, state, model_id, spec, reply_platform, reply_value, provider, reserved,
                          output_keys, created_at, updated_at)
        VALUES ($id, $account, 'queued', $model, $spec, $replyPlatform, $replyValue, $provider, $reserved,
                '[]', $now, $now);
        """;

    private const string Transition = """
        UPDATE jobs
        SET state = $to, updated_at = $now, started_at = CASE WHEN $to = 'submitting' THEN $now ELSE started_at END
        WHERE id = $id AND state = $from;
        """;

    private const string SetProvider = $"""
        UPDATE jobs
        SET remote_id = CASE WHEN provider = $provider THEN remote_id END,
            resume_state = CASE WHEN provider = $provider THEN resume_state END,
            provider = $provider, spec = $spec, model_id = $model, updated_at = $now
        WHERE id = $id AND state NOT IN {JobStateNames.TerminalList};
        """;

    private const string MarkSubmitted = """
        UPDATE jobs
        SET state = 'running', remote_id = $remote, resume_state = $resume,
            started_at = COALESCE(started_at, $now), updated_at = $now
        WHERE id = $id AND state = 'submitting';
        """;

    private const string MarkDelivering = """
        UPDATE jobs
        SET state = 'delivering', output_keys = $outputs, started_at = COALESCE(started_at, $now), updated_at = $now
        WHERE id = $id AND state IN ('submitting', 'running', 'delivering');
        """;

    private const string Complete = """
        UPDATE jobs
        SET state = 'succeeded', charged = MIN(MAX($actual, 0), reserved), finished_at = $now, updated_at = $now
        WHERE id = $id AND state = 'delivering'
        RETURNING account_id, reserved, charged;
        """;

    private const string Fail = $"""
        UPDATE jobs
        SET state = $to, charged = 0, error = $error, finished_at = $now, updated_at = $now
        WHERE id = $id AND state NOT IN {JobStateNames.TerminalList}
        RETURNING account_id, reserved;
        """;

    private readonly long _defaultAllowance = credits.Value.DefaultDailyAllowance;

    public async Task<CreateJobResult> CreateAsync(NewJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentOutOfRangeException.ThrowIfNegative(job.Price, nameof(job));
        var spec = JsonSerializer.Serialize(job.Spec, ModelCatalog.JsonOptions);
        var reason = $"{Describe(job.Spec.Kind)} with {job.Spec.ModelId}";

        var result = await database.WriteAsync<CreateJobResult>(tx =>
        {
            var now = time.GetUtcNow();
            var account = Accounts.Open(tx, job.Account, now, _defaultAllowance);
            if (job.Price > 0 && !Accounts.TryDebit(tx, account.Id, job.Price))
            {
                tx.Abort();
                return new CreateJobResult.InsufficientCredits(account.Balance, job.Price);
            }

            if (job.Price > 0)
            {
                Accounts.Append(tx, account.Id, LedgerEntryKind.Reserve, -job.Price, job.Id, null, reason, now);
            }

            var command = tx.Command(InsertJob);
            command.Parameters
                .Set("$id", job.Id)
                .Set("$account", account.Id)
                .Set("$model", job.Spec.ModelId)
                .Set("$spec", spec)
                .Set("$replyPlatform", job.Reply.Platform)
                .Set("$replyValue", job.Reply.Value)
                .Set("$provider", job.Provider)
                .Set("$reserved", job.Price)
                .Set("$now", SqliteValues.ToUnixMs(now));
            command.ExecuteNonQuery();

            return new CreateJobResult.Created(new JobRecord
            {
                Id = job.Id,
                Account = job.Account,
                State = JobState.Queued,
                Spec = job.Spec,
                Reply = job.Reply,
                Provider = job.Provider,
                ReservedCredits = job.Price,
                CreatedAt = SqliteValues.FromUnixMs(SqliteValues.ToUnixMs(now)),
            });
        }, cancellationToken).ConfigureAwait(false);

        if (result is CreateJobResult.InsufficientCredits refused)
        {
            StorageLog.JobInsufficientCredits(logger, job.Id, job.Account, job.Price, refused.Balance);
        }
        else
        {
            StorageLog.JobCreated(logger, job.Id, job.Account, job.Price);
        }

        return result;
    }

    public Task<JobRecord?> GetAsync(string jobId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = database.OpenRead();
        using var command = connection.CreateCommand();
        command.CommandText = $"{Columns} WHERE j.id = $id;";
        command.Parameters.Set("$id", jobId);
        using var reader = command.ExecuteReader();
        return Task.FromResult(reader.Read() ? ReadJob(reader) : null);
    }

    public Task<IReadOnlyList<JobRecord>> GetActiveAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = database.OpenRead();
        using var command = connection.CreateCommand();
        command.CommandText = $"{Columns} WHERE j.state NOT IN {JobStateNames.TerminalList} ORDER BY j.created_at, j.rowid;";
        return Task.FromResult(ReadJobs(command));
    }

    public Task<IReadOnlyList<JobRecord>> GetActiveAsync(AccountKey account, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = database.OpenRead();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            {Columns}
            WHERE a.platform = $platform AND a.tenant_id = $tenant AND a.user_id = $user
              AND j.state NOT IN {JobStateNames.TerminalList}
            ORDER BY j.created_at, j.rowid;
            """;
        command.Parameters.Set("$platform", account.Platform).Set("$tenant", account.TenantId).Set("$user", account.UserId);
        return Task.FromResult(ReadJobs(command));
    }

    public async Task<bool> TryTransitionAsync(string jobId, JobState from, JobState to, CancellationToken cancellationToken)
    {
        if (from.IsTerminal() || to.IsTerminal())
        {
            throw new ArgumentException(
                $"TryTransitionAsync moves between non-terminal states ({from} → {to}); end a job with CompleteAsync or FailAsync so its credits settle.",
                nameof(to));
        }

        var moved = await database.WriteAsync(tx =>
        {
            var command = tx.Command(Transition);
            command.Parameters
                .Set("$id", jobId)
                .Set("$from", JobStateNames.ToName(from))
                .Set("$to", JobStateNames.ToName(to))
                .Set("$now", SqliteValues.ToUnixMs(time.GetUtcNow()));
            return command.ExecuteNonQuery() == 1;
        }, cancellationToken).ConfigureAwait(false);

        return LogIfRefused(moved, jobId, to);
    }

    public async Task<bool> SetProviderAsync(string jobId, string provider, JobSpec spec, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(provider);
        ArgumentNullException.ThrowIfNull(spec);
        var json = JsonSerializer.Serialize(spec, ModelCatalog.JsonOptions);
        return await database.WriteAsync(tx =>
        {
            var command = tx.Command(SetProvider);
            command.Parameters
                .Set("$id", jobId)
                .Set("$provider", provider)
                .Set("$spec", json)
                .Set("$model", spec.ModelId)
                .Set("$now", SqliteValues.ToUnixMs(time.GetUtcNow()));
            return command.ExecuteNonQuery() == 1;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> MarkSubmittedAsync(string jobId, string remoteId, string? resumeState, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(remoteId);
        var moved = await database.WriteAsync(tx =>
        {
            var command = tx.Command(MarkSubmitted);
            command.Parameters
                .Set("$id", jobId)
                .Set("$remote", remoteId)
                .Set("$resume", resumeState)
                .Set("$now", SqliteValues.ToUnixMs(time.GetUtcNow()));
            return command.ExecuteNonQuery() == 1;
        }, cancellationToken).ConfigureAwait(false);

        return LogIfRefused(moved, jobId, JobState.Running);
    }

    public async Task<bool> MarkDeliveringAsync(string jobId, IReadOnlyList<string> outputKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outputKeys);
        var outputs = JsonSerializer.Serialize(outputKeys, ModelCatalog.JsonOptions);
        var moved = await database.WriteAsync(tx =>
        {
            var command = tx.Command(MarkDelivering);
            command.Parameters
                .Set("$id", jobId)
                .Set("$outputs", outputs)
                .Set("$now", SqliteValues.ToUnixMs(time.GetUtcNow()));
            return command.ExecuteNonQuery() == 1;
        }, cancellationToken).ConfigureAwait(false);

        return LogIfRefused(moved, jobId, JobState.Delivering);
    }

    public async Task<bool> CompleteAsync(string jobId, long actualCost, CancellationToken cancellationToken)
    {
        var settled = await database.WriteAsync<(long Charged, long Released)?>(tx =>
        {
            var now = time.GetUtcNow();
            var command = tx.Command(Complete);
            command.Parameters
                .Set("$id", jobId)
                .Set("$actual", actualCost)
                .Set("$now", SqliteValues.ToUnixMs(now));
            long accountId, reserved, charged;
            using (var reader = command.ExecuteReader())
            {
                if (!reader.Read())
                {
                    return null;
                }

                (accountId, reserved, charged) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
            }

            var released = reserved - charged;
            if (released > 0)
            {
                Accounts.AddToBalance(tx, accountId, released);
                Accounts.Append(tx, accountId, LedgerEntryKind.Release, released, jobId, null, "Unused reservation returned", now);
            }

            return (charged, released);
        }, cancellationToken).ConfigureAwait(false);

        if (settled is not { } done)
        {
            return LogIfRefused(false, jobId, JobState.Succeeded);
        }

        StorageLog.JobSettled(logger, jobId, done.Charged, done.Released);
        return true;
    }

    public async Task<bool> FailAsync(string jobId, JobState terminal, string reason, CancellationToken cancellationToken)
    {
        if (terminal is not (JobState.Failed or JobState.Cancelled or JobState.Refunded))
        {
            throw new ArgumentException($"FailAsync ends a job as Failed, Cancelled or Refunded, not {terminal}.", nameof(terminal));
        }

        var entryReason = $"Refund ({JobStateNames.ToName(terminal)}): {reason}";
        if (entryReason.Length > 300)
        {
            entryReason = string.Concat(entryReason.AsSpan(0, 299), "…");
        }

        var refunded = await database.WriteAsync<long?>(tx =>
        {
            var now = time.GetUtcNow();
            var command = tx.Command(Fail);
            command.Parameters
                .Set("$id", jobId)
                .Set("$to", JobStateNames.ToName(terminal))
                .Set("$error", reason)
                .Set("$now", SqliteValues.ToUnixMs(now));
            long accountId, reserved;
            using (var reader = command.ExecuteReader())
            {
                if (!reader.Read())
                {
                    return null;
                }

                (accountId, reserved) = (reader.GetInt64(0), reader.GetInt64(1));
            }

            if (reserved > 0)
            {
                Accounts.AddToBalance(tx, accountId, reserved);
                Accounts.Append(tx, accountId, LedgerEntryKind.Refund, reserved, jobId, null, entryReason, now);
            }

            return reserved;
        }, cancellationToken).ConfigureAwait(false);

        if (refunded is not { } amount)
        {
            return LogIfRefused(false, jobId, terminal);
        }

        StorageLog.JobRefunded(logger, jobId, JobStateNames.ToName(terminal), amount);
        return true;
    }

    public Task<IReadOnlyList<TimeSpan>> GetRecentDurationsAsync(string modelId, int count, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (count <= 0)
        {
            return Task.FromResult<IReadOnlyList<TimeSpan>>([]);
        }

        using var connection = database.OpenRead();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT finished_at - started_at FROM jobs
            WHERE model_id = $model AND state = 'succeeded' AND started_at IS NOT NULL AND finished_at IS NOT NULL
            ORDER BY finished_at DESC, rowid DESC
            LIMIT $count;
            """;
        command.Parameters.Set("$model", modelId).Set("$count", count);
        var durations = new List<TimeSpan>(count);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            durations.Add(TimeSpan.FromMilliseconds(Math.Max(0, reader.GetInt64(0))));
        }

        return Task.FromResult<IReadOnlyList<TimeSpan>>(durations);
    }

    private bool LogIfRefused(bool moved, string jobId, JobState to)
    {
        if (!moved)
        {
            StorageLog.TransitionRefused(logger, jobId, JobStateNames.ToName(to));
        }

        return moved;
    }

    private static string Describe(CommandKind kind) => kind switch
    {
        CommandKind.RemoveBackground => "remove background",
        CommandKind.Reroll => "re-roll",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static IReadOnlyList<JobRecord> ReadJobs(SqliteCommand command)
    {
        var jobs = new List<JobRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            jobs.Add(ReadJob(reader));
        }

        return jobs;
    }

    private static JobRecord ReadJob(SqliteDataReader reader) => new()
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
    };
}
