using ChatBot.Core.Credits;
using ChatBot.Core.Jobs;
using ChatBot.Core.Replies;

namespace ChatBot.Core.Commands.Handlers;

/// <summary>
/// Cost before the run, shared by the command that creates a job and the Confirm button that releases it: the
/// refusals a reservation can meet, and the view that asks a member to confirm a price above the tenant's threshold.
/// </summary>
internal sealed class JobConfirmation(ICreditLedger ledger, ReplyUpdater replies, JobReplyViews views, ConfirmationExpiry? expiry = null)
{
    public static CommandOutcome.Refused QueueFull(int queued, int limit) =>
        new($"You already have {queued} jobs waiting (the limit is {limit}). Wait for one to finish, or `/cancel` one.");

    /// <summary>The refusal for a member whose balance does not cover <paramref name="price"/>, with when it grows again.</summary>
    public async Task<CommandOutcome> TooPoorAsync(AccountKey account, long price, CancellationToken cancellationToken, long? balance = null)
    {
        var have = balance ?? (await ledger.GetBalanceAsync(account, cancellationToken).ConfigureAwait(false)).Available;
        var allowance = await ledger.GetAllowanceAsync(account.Tenant, cancellationToken).ConfigureAwait(false);
        var topUp = allowance > 0 ? $" Your daily allowance tops you up to {allowance} at 00:00 UTC." : "";
        return new CommandOutcome.Refused($"This needs {CreditText.Amount(price)}; you have {CreditText.Amount(have)}.{topUp}");
    }

    /// <summary>The refusal a reservation met (queue full, too few credits), or null when the job was created.</summary>
    public async Task<CommandOutcome?> RefusalAsync(CreateJobResult result, AccountKey account, long price, CancellationToken cancellationToken) => result switch
    {
        CreateJobResult.QueueFull full => QueueFull(full.Queued, full.Limit),
        CreateJobResult.InsufficientCredits poor => await TooPoorAsync(account, price, cancellationToken, poor.Balance).ConfigureAwait(false),
        _ => null,
    };

    /// <summary>
    /// Shows the job's price with Confirm / Cancel as its reply's first view, and starts its expiry clock; completes
    /// when it is shown.
    /// </summary>
    public Task AskAsync(JobRecord job, long price, long threshold, string? note)
    {
        expiry?.Watch(job);
        return replies.PublishAsync(job.Reply, views.AwaitingConfirmation(job, price, threshold, note));
    }

    /// <summary>The job was confirmed: it no longer expires.</summary>
    public void Confirmed(string jobId) => expiry?.Forget(jobId);
}
