using ChatBot.Core.Credits;
using ChatBot.Core.Jobs;

namespace ChatBot.Core.Commands.Handlers;

/// <summary>/cancel: ends a member's own job (an admin's: any job of the community) and returns its credits.</summary>
internal sealed class CancelCommandHandler(IJobStore store, JobScheduler scheduler, JobEnder ender) : ICommandHandler
{
    public IReadOnlyCollection<CommandKind> Kinds { get; } = [CommandKind.Cancel];

    public async Task<CommandOutcome> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var id = request.Options.JobId?.Trim().Trim('`');
        JobRecord? job;
        if (string.IsNullOrEmpty(id))
        {
            var mine = await store.GetActiveAsync(request.Actor.Account, cancellationToken).ConfigureAwait(false);
            if (mine.Count != 1)
            {
                return new CommandOutcome.Refused(mine.Count == 0 ? "You have no jobs to cancel." : "You have several jobs: say which, `/cancel <job>` (see `/jobs`).");
            }

            job = mine[0];
        }
        else
        {
            job = await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
        }

        if (job is null || !job.IsInTenantOf(request.Actor))
        {
            return new CommandOutcome.Refused($"I can't find the job `{id}`. `/jobs` lists yours.");
        }

        if (job.State == JobState.AwaitingConfirmation && job.Account != request.Actor.Account)
        {
            return new CommandOutcome.Refused(ConfirmCommandHandler.NotYours(job));
        }

        if (job.Account != request.Actor.Account && !request.Actor.IsAdmin)
        {
            return new CommandOutcome.Refused("You can only cancel your own jobs.");
        }

        if (job.State.IsTerminal())
        {
            return new CommandOutcome.Refused($"Job `{job.Id}` has already ended ({job.State.ToString().ToLowerInvariant()}).");
        }

        if (!scheduler.Cancel(job.Id))
        {
            await ender.EndAsync(job, JobState.Cancelled, "Cancelled.", "cancelled by request").ConfigureAwait(false);
        }

        return new CommandOutcome.Info(job.ReservedCredits == 0
            ? $"Cancelled job `{job.Id}`; nothing was charged."
            : $"Cancelling job `{job.Id}`. Its {CreditText.Amount(job.ReservedCredits)} will be returned.");
    }
}
