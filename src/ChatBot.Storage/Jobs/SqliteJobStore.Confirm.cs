using ChatBot.Core.Jobs;
using ChatBot.Storage.Credits;
using ChatBot.Storage.Sqlite;

namespace ChatBot.Storage.Jobs;

/// <summary>Confirming a job that waits for its member: the reservation it skipped at creation, made now.</summary>
internal sealed partial class SqliteJobStore
{
    private const string SelectAwaiting = """
        SELECT a.platform, a.tenant_id, a.user_id FROM jobs j JOIN accounts a ON a.id = j.account_id
        WHERE j.id = $id AND j.state = 'awaiting-confirmation';
        """;

    private const string Confirm = """
        UPDATE jobs SET state = 'queued', reserved = $reserved, updated_at = $now
        WHERE id = $id AND state = 'awaiting-confirmation';
        """;

    public async Task<CreateJobResult?> ConfirmAsync(string jobId, long price, int? maxQueued, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(price);
        var result = await database.WriteAsync<CreateJobResult?>(tx =>
        {
            var now = time.GetUtcNow();
            var owner = tx.ReadFirst(SelectAwaiting, r => (Platform: r.GetString(0), Tenant: r.GetString(1), User: r.GetString(2)), ("$id", jobId));
            if (owner is not { } key)
            {
                return null;
            }

            var account = Accounts.Open(tx, new AccountKey(key.Platform, key.Tenant, key.User), now, _defaultAllowance);
            if (JobRows.QueueFull(tx, account.Id, maxQueued) is { } full)
            {
                tx.Abort();
                return full;
            }

            if (price > 0 && !Accounts.TryReserve(tx, account.Id, price, jobId, null, "Confirmed job", now))
            {
                tx.Abort();
                return new CreateJobResult.InsufficientCredits(account.Balance, price);
            }

            tx.Execute(Confirm, ("$id", jobId), ("$reserved", price), ("$now", SqliteValues.ToUnixMs(now)));
            return new CreateJobResult.Created(null!); // Filled in below, once committed.
        }, cancellationToken).ConfigureAwait(false);

        if (result is not CreateJobResult.Created)
        {
            return result;
        }

        // The row as it stands now, read after the write committed (a job is never deleted).
        var job = (await GetAsync(jobId, cancellationToken).ConfigureAwait(false))!;
        StorageLog.JobCreated(logger, jobId, job.Account, price);
        return new CreateJobResult.Created(job);
    }
}
