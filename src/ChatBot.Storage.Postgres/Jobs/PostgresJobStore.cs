using ChatBot.Core.Catalog;
using ChatBot.Core.Credits;
using ChatBot.Core.Jobs;
using ChatBot.Storage.Postgres.Credits;
using ChatBot.Storage.Postgres.Database;

namespace ChatBot.Storage.Postgres.Jobs;

/// <summary>
/// Jobs in PostgreSQL. Creating one locks its account row, so the queue limit and the reservation are decided one at a
/// time per account by every worker together. Each transition is one compare-and-set UPDATE; an ending is one statement
/// with the ledger entry it implies, so a job ends exactly once and is charged at most once.
/// </summary>
internal sealed partial class PostgresJobStore(
    PostgresDatabase database,
    TimeProvider time,
    IOptions<CreditOptions> credits,
    ILogger<PostgresJobStore> logger) : IJobStore
{
    private const string CountQueued = "SELECT COUNT(*) FROM jobs WHERE account_id = @account AND state = 'queued';";

    private const string InsertJob = """
        INSERT INTO jobs (id, account_id, state, model_id, spec, reply_platform, reply_value, provider, reserved,
                          output_keys, created_at, updated_at)
        VALUES (@id, @account, @state, @model, @spec, @replyPlatform, @replyValue, @provider, @reserved, '[]', @now, @now);
        """;

    private const string Transition = """
        UPDATE jobs
        SET state = @to, updated_at = @now, started_at = CASE WHEN @to = 'submitting' THEN @now ELSE started_at END,
            owner = CASE WHEN @to = 'queued' THEN NULL ELSE owner END,
            lease_until = CASE WHEN @to = 'queued' THEN NULL ELSE lease_until END
        WHERE id = @id AND state = @from;
        """;

    private const string SetProvider = $"""
        UPDATE jobs
        SET remote_id = CASE WHEN provider = @provider THEN remote_id END,
            resume_state = CASE WHEN provider = @provider THEN resume_state END,
            provider = @provider, spec = @spec, model_id = @model, updated_at = @now
        WHERE id = @id AND state NOT IN {StoredNames.TerminalList} AND (@owner::text IS NULL OR owner = @owner::text);
        """;

    private const string MarkSubmitted = """
        UPDATE jobs
        SET state = 'running', remote_id = @remote, resume_state = @resume, started_at = COALESCE(started_at, @now), updated_at = @now
        WHERE id = @id AND state = 'submitting' AND (@owner::text IS NULL OR owner = @owner::text);
        """;

    private const string MarkDelivering = """
        UPDATE jobs
        SET state = 'delivering', output_keys = @outputs, started_at = COALESCE(started_at, @now), updated_at = @now
        WHERE id = @id AND state IN ('submitting', 'running', 'delivering') AND (@owner::text IS NULL OR owner = @owner::text);
        """;

    private static readonly string Complete = PostgresAccounts.CloseAndCredit("""
        UPDATE jobs
        SET state = 'succeeded', charged = LEAST(GREATEST(@actual, 0), reserved), output_keys = COALESCE(@outputs::text, output_keys),
            started_at = COALESCE(started_at, @now), finished_at = @now, updated_at = @now
        WHERE id = @job AND (state = 'delivering' OR (@outputs::text IS NOT NULL AND state IN ('submitting', 'running')))
          AND (@owner::text IS NULL OR owner = @owner::text)
        RETURNING account_id, charged, reserved - charged AS back
        """);

    private static readonly string Fail = PostgresAccounts.CloseAndCredit($"""
        UPDATE jobs
        SET state = @to, charged = 0, error = @error, finished_at = @now, updated_at = @now
        WHERE id = @job AND state NOT IN {StoredNames.TerminalList} AND (@owner::text IS NULL OR owner = @owner::text)
        RETURNING account_id, charged, reserved AS back
        """);

    private readonly long _defaultAllowance = credits.Value.DefaultDailyAllowance;

    public async Task<CreateJobResult> CreateAsync(NewJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentOutOfRangeException.ThrowIfNegative(job.Price, nameof(job));
        var spec = JsonSerializer.Serialize(job.Spec, ModelCatalog.JsonOptions);
        var reason = $"{Describe(job.Spec.Kind)} with {job.Spec.ModelId}";

        var result = await database.WriteAsync<CreateJobResult>(async tx =>
        {
            var now = time.GetUtcNow();
            var account = await PostgresAccounts.OpenAsync(tx, job.Account, now, _defaultAllowance, job.Roles, cancellationToken).ConfigureAwait(false);
            if (job.MaxQueued is { } limit)
            {
                var queued = (int)(long)(await tx.ScalarAsync(CountQueued, cancellationToken, ("account", account.Id)).ConfigureAwait(false))!;
                if (queued >= limit)
                {
                    tx.Abort();
                    return new CreateJobResult.QueueFull(queued, limit);
                }
            }

            // Awaiting confirmation reserves nothing: ConfirmAsync reserves the price, or refuses, when the member confirms.
            var reserve = job.AwaitConfirmation ? 0 : job.Price;
            if (reserve > 0)
            {
                if (!await PostgresAccounts.TryDebitAsync(tx, account.Id, reserve, cancellationToken).ConfigureAwait(false))
                {
                    tx.Abort();
                    return new CreateJobResult.InsufficientCredits(account.Balance, job.Price);
                }

                await PostgresAccounts.AppendAsync(tx, account.Id, LedgerEntryKind.Reserve, -reserve, job.Id, null, reason, now, cancellationToken).ConfigureAwait(false);
            }

            var state = job.AwaitConfirmation ? JobState.AwaitingConfirmation : JobState.Queued;
            await tx.ExecuteAsync(InsertJob, cancellationToken,
                ("id", job.Id), ("account", account.Id), ("state", StoredNames.Of(state)), ("model", job.Spec.ModelId), ("spec", spec),
                ("replyPlatform", job.Reply.Platform), ("replyValue", job.Reply.Value), ("provider", job.Provider), ("reserved", reserve),
                ("now", now.ToUnixTimeMilliseconds())).ConfigureAwait(false);

            return new CreateJobResult.Created(new JobRecord
            {
                Id = job.Id,
                Account = job.Account,
                State = state,
                Spec = job.Spec,
                Reply = job.Reply,
                Provider = job.Provider,
                ReservedCredits = reserve,
                CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds()),
            });
        }, cancellationToken).ConfigureAwait(false);

        switch (result)
        {
            case CreateJobResult.InsufficientCredits refused:
                PostgresLog.JobInsufficientCredits(logger, job.Id, job.Account, job.Price, refused.Balance);
                break;
            case CreateJobResult.QueueFull full:
                PostgresLog.JobQueueFull(logger, job.Id, job.Account, full.Queued);
                break;
            default:
                PostgresLog.JobCreated(logger, job.Id, job.Account, job.Price);
                break;
        }

        return result;
    }

    public async Task<JobRecord?> GetAsync(string jobId, CancellationToken cancellationToken) =>
        (await database.ReadAllAsync($"{PostgresJobRows.Columns} WHERE j.id = @id;", PostgresJobRows.Read, cancellationToken, ("id", jobId)).ConfigureAwait(false))
        .SingleOrDefault();

    public Task<IReadOnlyList<JobRecord>> GetActiveAsync(CancellationToken cancellationToken) =>
        database.ReadAllAsync($"{PostgresJobRows.Columns} WHERE j.state NOT IN {StoredNames.TerminalList} ORDER BY j.created_at, j.seq;", PostgresJobRows.Read, cancellationToken);

    public Task<IReadOnlyList<JobRecord>> GetActiveAsync(AccountKey account, CancellationToken cancellationToken) =>
        ReadForAccountAsync(account, $"j.state NOT IN {StoredNames.TerminalList} ORDER BY j.created_at, j.seq", null, cancellationToken);

    public async Task<IReadOnlyList<JobRecord>> GetFinishedAsync(AccountKey account, int count, CancellationToken cancellationToken) =>
        count <= 0 ? [] : await ReadForAccountAsync(account, $"j.state IN {StoredNames.TerminalList} ORDER BY j.finished_at DESC, j.seq DESC", count, cancellationToken).ConfigureAwait(false);

    /// <summary>One member's jobs matching <paramref name="condition"/> (which ends with its ORDER BY); a null count reads them all.</summary>
    private Task<IReadOnlyList<JobRecord>> ReadForAccountAsync(AccountKey account, string condition, int? count, CancellationToken cancellationToken) =>
        database.ReadAllAsync(
            $"""
            {PostgresJobRows.Columns}
            WHERE a.platform = @platform AND a.tenant_id = @tenant AND a.user_id = @user
              AND {condition}
            LIMIT @count;
            """,
            PostgresJobRows.Read,
            cancellationToken,
            ("platform", account.Platform), ("tenant", account.TenantId), ("user", account.UserId), ("count", (object?)count ?? DBNull.Value));

    public async Task<bool> TryTransitionAsync(string jobId, JobState from, JobState to, CancellationToken cancellationToken)
    {
        if (from.IsTerminal() || to.IsTerminal())
        {
            throw new ArgumentException(
                $"TryTransitionAsync moves between non-terminal states ({from} → {to}); end a job with CompleteAsync or FailAsync so its credits settle.",
                nameof(to));
        }

        var moved = await ExecuteAsync(Transition, cancellationToken,
            ("id", jobId), ("from", StoredNames.Of(from)), ("to", StoredNames.Of(to)), ("now", Now())).ConfigureAwait(false);
        return LogIfRefused(moved, jobId, to);
    }

    public Task<bool> SetProviderAsync(string jobId, string provider, JobSpec spec, CancellationToken cancellationToken, string? owner = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(provider);
        ArgumentNullException.ThrowIfNull(spec);
        var json = JsonSerializer.Serialize(spec, ModelCatalog.JsonOptions);
        return ExecuteAsync(SetProvider, cancellationToken, ("id", jobId), ("provider", provider), ("spec", json), ("model", spec.ModelId), ("owner", owner), ("now", Now()));
    }

    public async Task<bool> MarkSubmittedAsync(string jobId, string remoteId, string? resumeState, CancellationToken cancellationToken, string? owner = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(remoteId);
        var moved = await ExecuteAsync(MarkSubmitted, cancellationToken, ("id", jobId), ("remote", remoteId), ("resume", resumeState), ("owner", owner), ("now", Now())).ConfigureAwait(false);
        return LogIfRefused(moved, jobId, JobState.Running);
    }

    public async Task<bool> MarkDeliveringAsync(string jobId, IReadOnlyList<string> outputKeys, CancellationToken cancellationToken, string? owner = null)
    {
        ArgumentNullException.ThrowIfNull(outputKeys);
        var outputs = JsonSerializer.Serialize(outputKeys, ModelCatalog.JsonOptions);
        var moved = await ExecuteAsync(MarkDelivering, cancellationToken, ("id", jobId), ("outputs", outputs), ("owner", owner), ("now", Now())).ConfigureAwait(false);
        return LogIfRefused(moved, jobId, JobState.Delivering);
    }

    public async Task<bool> CompleteAsync(string jobId, long actualCost, CancellationToken cancellationToken, string? owner = null, IReadOnlyList<string>? outputKeys = null)
    {
        var outputs = outputKeys is null ? null : JsonSerializer.Serialize(outputKeys, ModelCatalog.JsonOptions);
        var rows = await EndAsync(Complete, jobId, LedgerEntryKind.Release, "Unused reservation returned", cancellationToken,
            ("actual", actualCost), ("outputs", outputs), ("owner", owner)).ConfigureAwait(false);
        if (rows is not [var (charged, released)])
        {
            return LogIfRefused(false, jobId, JobState.Succeeded);
        }

        PostgresLog.JobSettled(logger, jobId, charged, released);
        return true;
    }

    public async Task<bool> FailAsync(string jobId, JobState terminal, string reason, CancellationToken cancellationToken, string? owner = null)
    {
        if (terminal is not (JobState.Failed or JobState.Cancelled or JobState.Refunded))
        {
            throw new ArgumentException($"FailAsync ends a job as Failed, Cancelled or Refunded, not {terminal}.", nameof(terminal));
        }

        var entryReason = $"Refund ({StoredNames.Of(terminal)}): {reason}";
        if (entryReason.Length > 300)
        {
            entryReason = string.Concat(entryReason.AsSpan(0, 299), "…");
        }

        var rows = await EndAsync(Fail, jobId, LedgerEntryKind.Refund, entryReason, cancellationToken, ("to", StoredNames.Of(terminal)), ("error", reason), ("owner", owner)).ConfigureAwait(false);
        if (rows is not [var (_, refunded)])
        {
            return LogIfRefused(false, jobId, terminal);
        }

        PostgresLog.JobRefunded(logger, jobId, StoredNames.Of(terminal), refunded);
        return true;
    }

    public async Task<IReadOnlyList<TimeSpan>> GetRecentDurationsAsync(string modelId, int count, CancellationToken cancellationToken) =>
        count <= 0
            ? []
            : await database.ReadAllAsync(
                """
                SELECT finished_at - started_at FROM jobs
                WHERE model_id = @model AND state = 'succeeded' AND started_at IS NOT NULL AND finished_at IS NOT NULL
                ORDER BY finished_at DESC, seq DESC
                LIMIT @count;
                """,
                r => TimeSpan.FromMilliseconds(Math.Max(0, r.GetInt64(0))),
                cancellationToken,
                ("model", modelId), ("count", count)).ConfigureAwait(false);

    private Task<IReadOnlyList<(long Charged, long Back)>> EndAsync(
        string sql, string jobId, LedgerEntryKind kind, string reason, CancellationToken cancellationToken, params (string Name, object? Value)[] more) =>
        database.ReadAllAsync(
            sql,
            r => (r.GetInt64(0), r.GetInt64(1)),
            cancellationToken,
            [("job", jobId), ("reservation", null), ("kind", StoredNames.Of(kind)), ("reason", reason), ("now", Now()), .. more]);

    private async Task<bool> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        await database.ExecuteAsync(sql, cancellationToken, parameters).ConfigureAwait(false) == 1;

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();

    private bool LogIfRefused(bool moved, string jobId, JobState to)
    {
        if (!moved)
        {
            PostgresLog.TransitionRefused(logger, jobId, StoredNames.Of(to));
        }

        return moved;
    }

    private static string Describe(CommandKind kind) => kind switch
    {
        CommandKind.RemoveBackground => "remove background",
        CommandKind.Reroll => "re-roll",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
