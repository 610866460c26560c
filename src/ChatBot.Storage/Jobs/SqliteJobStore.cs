using ChatBot.Core.Catalog;
using ChatBot.Core.Credits;
using ChatBot.Core.Jobs;
using ChatBot.Storage.Credits;
using ChatBot.Storage.Sqlite;

namespace ChatBot.Storage.Jobs;

/// <summary>
/// Jobs in SQLite. Each transition is one compare-and-set UPDATE (on the expected state, or on "not terminal"),
/// in the same transaction as the ledger entry it implies, so a job ends exactly once and is charged at most once.
/// </summary>
internal sealed partial class SqliteJobStore(
    SqliteDatabase database,
    TimeProvider time,
    IOptions<CreditOptions> credits,
    ILogger<SqliteJobStore> logger) : IJobStore
{
    private const string Columns = """
        SELECT j.id, a.platform, a.tenant_id, a.user_id, j.state, j.spec, j.reply_platform, j.reply_value,
               j.provider, j.reserved, j.charged, j.remote_id, j.resume_state, j.error, j.output_keys,
               j.created_at, j.started_at, j.finished_at, j.owner, j.lease_until
        FROM jobs j JOIN accounts a ON a.id = j.account_id
        """;

    private const string InsertJob = """
        INSERT INTO jobs (id, account_id, state, model_id, spec, reply_platform, reply_value, provider, reserved,
                          output_keys, created_at, updated_at)
        VALUES ($id, $account, $state, $model, $spec, $replyPlatform, $replyValue, $provider, $reserved,
                '[]', $now, $now);
        """;

    private const string Transition = """
        UPDATE jobs
        SET state = $to, updated_at = $now, started_at = CASE WHEN $to = 'submitting' THEN $now ELSE started_at END,
            owner = CASE WHEN $to = 'queued' THEN NULL ELSE owner END,
            lease_until = CASE WHEN $to = 'queued' THEN NULL ELSE lease_until END
        WHERE id = $id AND state = $from;
        """;

    private const string SetProvider = $"""
        UPDATE jobs
        SET remote_id = CASE WHEN provider = $provider THEN remote_id END,
            resume_state = CASE WHEN provider = $provider THEN resume_state END,
            provider = $provider, spec = $spec, model_id = $model, updated_at = $now
        WHERE id = $id AND state NOT IN {JobStateNames.TerminalList} AND ($owner IS NULL OR owner = $owner);
        """;

    private const string MarkSubmitted = """
        UPDATE jobs
        SET state = 'running', remote_id = $remote, resume_state = $resume,
            started_at = COALESCE(started_at, $now), updated_at = $now
        WHERE id = $id AND state = 'submitting' AND ($owner IS NULL OR owner = $owner);
        """;

    private const string MarkDelivering = """
        UPDATE jobs
        SET state = 'delivering', output_keys = $outputs, started_at = COALESCE(started_at, $now), updated_at = $now
        WHERE id = $id AND state IN ('submitting', 'running', 'delivering') AND ($owner IS NULL OR owner = $owner);
        """;

    private const string Complete = """
        UPDATE jobs
        SET state = 'succeeded', charged = MIN(MAX($actual, 0), reserved), output_keys = COALESCE($outputs, output_keys),
            started_at = COALESCE(started_at, $now), finished_at = $now, updated_at = $now
        WHERE id = $id AND (state = 'delivering' OR ($outputs IS NOT NULL AND state IN ('submitting', 'running')))
          AND ($owner IS NULL OR owner = $owner)
        RETURNING account_id, reserved, charged;
        """;

    private const string Fail = $"""
        UPDATE jobs
        SET state = $to, charged = 0, error = $error, finished_at = $now, updated_at = $now
        WHERE id = $id AND state NOT IN {JobStateNames.TerminalList} AND ($owner IS NULL OR owner = $owner)
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
            var account = Accounts.Open(tx, job.Account, now, _defaultAllowance, job.Roles);
            if (JobRows.QueueFull(tx, account.Id, job.MaxQueued) is { } full)
            {
                tx.Abort();
                return full;
            }

            // Awaiting confirmation reserves nothing: ConfirmAsync reserves the price, or refuses, when the member confirms.
            var reserve = job.AwaitConfirmation ? 0 : job.Price;
            if (reserve > 0 && !Accounts.TryReserve(tx, account.Id, reserve, job.Id, null, reason, now))
            {
                tx.Abort();
                return new CreateJobResult.InsufficientCredits(account.Balance, job.Price);
            }

            var state = job.AwaitConfirmation ? JobState.AwaitingConfirmation : JobState.Queued;
            tx.Execute(InsertJob,
                ("$id", job.Id), ("$account", account.Id), ("$state", JobStateNames.ToName(state)), ("$model", job.Spec.ModelId), ("$spec", spec),
                ("$replyPlatform", job.Reply.Platform), ("$replyValue", job.Reply.Value), ("$provider", job.Provider), ("$reserved", reserve),
                ("$now", SqliteValues.ToUnixMs(now)));

            return new CreateJobResult.Created(new JobRecord
            {
                Id = job.Id,
                Account = job.Account,
                State = state,
                Spec = job.Spec,
                Reply = job.Reply,
                Provider = job.Provider,
                ReservedCredits = reserve,
                CreatedAt = SqliteValues.FromUnixMs(SqliteValues.ToUnixMs(now)),
            });
        }, cancellationToken).ConfigureAwait(false);

        switch (result)
        {
            case CreateJobResult.InsufficientCredits refused:
                StorageLog.JobInsufficientCredits(logger, job.Id, job.Account, job.Price, refused.Balance);
                break;
            case CreateJobResult.QueueFull full:
                StorageLog.JobQueueFull(logger, job.Id, job.Account, full.Queued);
                break;
            default:
                StorageLog.JobCreated(logger, job.Id, job.Account, job.Price);
                break;
        }

        return result;
    }

    public Task<JobRecord?> GetAsync(string jobId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = database.OpenRead();
        using var command = connection.Command($"{Columns} WHERE j.id = $id;", ("$id", jobId));
        using var reader = command.ExecuteReader();
        return Task.FromResult(reader.Read() ? JobRows.Read(reader) : null);
    }

    public Task<IReadOnlyList<JobRecord>> GetActiveAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = database.OpenRead();
        return Task.FromResult(connection.ReadAll($"{Columns} WHERE j.state NOT IN {JobStateNames.TerminalList} ORDER BY j.created_at, j.rowid;", JobRows.Read));
    }

    public Task<IReadOnlyList<JobRecord>> GetActiveAsync(AccountKey account, CancellationToken cancellationToken) =>
        ReadForAccount(account, $"j.state NOT IN {JobStateNames.TerminalList} ORDER BY j.created_at, j.rowid", -1, cancellationToken);

    public Task<IReadOnlyList<JobRecord>> GetFinishedAsync(AccountKey account, int count, CancellationToken cancellationToken) =>
        ReadForAccount(account, $"j.state IN {JobStateNames.TerminalList} ORDER BY j.finished_at DESC, j.rowid DESC", count, cancellationToken);

    /// <summary>One member's jobs matching <paramref name="condition"/> (which ends with its ORDER BY); a negative count reads them all.</summary>
    private Task<IReadOnlyList<JobRecord>> ReadForAccount(AccountKey account, string condition, int count, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = database.OpenRead();
        var jobs = connection.ReadAll(
            $"""
            {Columns}
            WHERE a.platform = $platform AND a.tenant_id = $tenant AND a.user_id = $user
              AND {condition}
            LIMIT $count;
            """,
            JobRows.Read,
            ("$platform", account.Platform), ("$tenant", account.TenantId), ("$user", account.UserId), ("$count", count));
        return Task.FromResult(jobs);
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
            return tx.Execute(Transition,
                ("$id", jobId), ("$from", JobStateNames.ToName(from)), ("$to", JobStateNames.ToName(to)),
                ("$now", SqliteValues.ToUnixMs(time.GetUtcNow()))) == 1;
        }, cancellationToken).ConfigureAwait(false);

        return LogIfRefused(moved, jobId, to);
    }

    public async Task<bool> SetProviderAsync(string jobId, string provider, JobSpec spec, CancellationToken cancellationToken, string? owner = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(provider);
        ArgumentNullException.ThrowIfNull(spec);
        var json = JsonSerializer.Serialize(spec, ModelCatalog.JsonOptions);
        return await database.WriteAsync(tx =>
        {
            return tx.Execute(SetProvider,
                ("$id", jobId), ("$provider", provider), ("$spec", json), ("$model", spec.ModelId), ("$owner", owner),
                ("$now", SqliteValues.ToUnixMs(time.GetUtcNow()))) == 1;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> MarkSubmittedAsync(string jobId, string remoteId, string? resumeState, CancellationToken cancellationToken, string? owner = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(remoteId);
        var moved = await database.WriteAsync(tx =>
        {
            return tx.Execute(MarkSubmitted,
                ("$id", jobId), ("$remote", remoteId), ("$resume", resumeState), ("$owner", owner), ("$now", SqliteValues.ToUnixMs(time.GetUtcNow()))) == 1;
        }, cancellationToken).ConfigureAwait(false);

        return LogIfRefused(moved, jobId, JobState.Running);
    }

    public async Task<bool> MarkDeliveringAsync(string jobId, IReadOnlyList<string> outputKeys, CancellationToken cancellationToken, string? owner = null)
    {
        ArgumentNullException.ThrowIfNull(outputKeys);
        var outputs = JsonSerializer.Serialize(outputKeys, ModelCatalog.JsonOptions);
        var moved = await database.WriteAsync(tx =>
        {
            return tx.Execute(MarkDelivering, ("$id", jobId), ("$outputs", outputs), ("$owner", owner), ("$now", SqliteValues.ToUnixMs(time.GetUtcNow()))) == 1;
        }, cancellationToken).ConfigureAwait(false);

        return LogIfRefused(moved, jobId, JobState.Delivering);
    }

    public async Task<bool> CompleteAsync(string jobId, long actualCost, CancellationToken cancellationToken, string? owner = null, IReadOnlyList<string>? outputKeys = null)
    {
        var outputs = outputKeys is null ? null : JsonSerializer.Serialize(outputKeys, ModelCatalog.JsonOptions);
        var settled = await database.WriteAsync<(long Charged, long Released)?>(tx =>
        {
            var now = time.GetUtcNow();
            var row = tx.ReadFirst(Complete, Accounts.ReadClosedReservation, ("$id", jobId), ("$actual", actualCost), ("$outputs", outputs), ("$owner", owner), ("$now", SqliteValues.ToUnixMs(now)));
            if (row is not { } closed)
            {
                return null;
            }

            var released = closed.Reserved - closed.Charged;
            Accounts.GiveBack(tx, closed.AccountId, released, LedgerEntryKind.Release, jobId, null, "Unused reservation returned", now);
            return (closed.Charged, released);
        }, cancellationToken).ConfigureAwait(false);

        if (settled is not { } done)
        {
            return LogIfRefused(false, jobId, JobState.Succeeded);
        }

        StorageLog.JobSettled(logger, jobId, done.Charged, done.Released);
        return true;
    }

    public async Task<bool> FailAsync(string jobId, JobState terminal, string reason, CancellationToken cancellationToken, string? owner = null)
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
            var row = tx.ReadFirst(
                Fail,
                r => (AccountId: r.GetInt64(0), Reserved: r.GetInt64(1)),
                ("$id", jobId), ("$to", JobStateNames.ToName(terminal)), ("$error", reason), ("$owner", owner), ("$now", SqliteValues.ToUnixMs(now)));
            if (row is not { } failed)
            {
                return null;
            }

            Accounts.GiveBack(tx, failed.AccountId, failed.Reserved, LedgerEntryKind.Refund, jobId, null, entryReason, now);
            return failed.Reserved;
        }, cancellationToken).ConfigureAwait(false);

        if (refunded is not { } amount)
        {
            return LogIfRefused(false, jobId, terminal);
        }

        StorageLog.JobRefunded(logger, jobId, JobStateNames.ToName(terminal), amount);
        return true;
    }

    public Task<IReadOnlyList<TimeSpan>> GetRecentDurationsAsync(string modelId, int count, CancellationToken cancellationToken) =>
        database.ReadLatestAsync(
            """
            SELECT finished_at - started_at FROM jobs
            WHERE model_id = $model AND state = 'succeeded' AND started_at IS NOT NULL AND finished_at IS NOT NULL
            ORDER BY finished_at DESC, rowid DESC
            LIMIT $count;
            """,
            count,
            reader => TimeSpan.FromMilliseconds(Math.Max(0, reader.GetInt64(0))),
            cancellationToken,
            ("$model", modelId));

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
}
