using ChatBot.Core.Credits;
using ChatBot.Core.Jobs;
using ChatBot.Storage.Postgres.Credits;

namespace ChatBot.Storage.Postgres.Jobs;

/// <summary>Confirming a job that waits for its member: the reservation it skipped at creation, made now.</summary>
internal sealed partial class PostgresJobStore
{
    private const string SelectAwaiting = """
        SELECT a.platform, a.tenant_id, a.user_id FROM jobs j JOIN accounts a ON a.id = j.account_id
        WHERE j.id = @id AND j.state = 'awaiting-confirmation'
        FOR UPDATE OF j;
        """;

    private const string Confirm = """
        UPDATE jobs SET state = 'queued', reserved = @reserved, updated_at = @now
        WHERE id = @id AND state = 'awaiting-confirmation';
        """;

    public async Task<CreateJobResult?> ConfirmAsync(string jobId, long price, int? maxQueued, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(price);
        var result = await database.WriteAsync<CreateJobResult?>(async tx =>
        {
            var now = time.GetUtcNow();
            var owner = await tx.ReadFirstAsync(SelectAwaiting, r => (Platform: r.GetString(0), Tenant: r.GetString(1), User: r.GetString(2)), cancellationToken, ("id", jobId)).ConfigureAwait(false);
            if (owner is not { } key)
            {
                return null;
            }

            var account = await PostgresAccounts.OpenAsync(tx, new AccountKey(key.Platform, key.Tenant, key.User), now, _defaultAllowance, cancellationToken).ConfigureAwait(false);
            if (maxQueued is { } limit)
            {
                var queued = (int)(long)(await tx.ScalarAsync(CountQueued, cancellationToken, ("account", account.Id)).ConfigureAwait(false))!;
                if (queued >= limit)
                {
                    tx.Abort();
                    return new CreateJobResult.QueueFull(queued, limit);
                }
            }

            if (price > 0)
            {
                if (!await PostgresAccounts.TryDebitAsync(tx, account.Id, price, cancellationToken).ConfigureAwait(false))
                {
                    tx.Abort();
                    return new CreateJobResult.InsufficientCredits(account.Balance, price);
                }

                await PostgresAccounts.AppendAsync(tx, account.Id, LedgerEntryKind.Reserve, -price, jobId, null, "Confirmed job", now, cancellationToken).ConfigureAwait(false);
            }

            await tx.ExecuteAsync(Confirm, cancellationToken, ("id", jobId), ("reserved", price), ("now", now.ToUnixTimeMilliseconds())).ConfigureAwait(false);
            return new CreateJobResult.Created(null!); // Filled in below, once committed.
        }, cancellationToken).ConfigureAwait(false);

        if (result is not CreateJobResult.Created)
        {
            return result;
        }

        // The row as it stands now, read after the write committed (a job is never deleted).
        var job = (await GetAsync(jobId, cancellationToken).ConfigureAwait(false))!;
        PostgresLog.JobCreated(logger, jobId, job.Account, price);
        return new CreateJobResult.Created(job);
    }
}
