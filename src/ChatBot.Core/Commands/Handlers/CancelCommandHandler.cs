using ChatBot.Core.Credits;
using ChatBot.Core.Jobs;
using ChatBot.Core.Replies;

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
            if (mine.Count == 0)
            {
                return new CommandOutcome.Refused("You have no jobs to cancel.");
            }

            if (mine.Count > 1)
            {
                // No id to remember: each job gets a button named after what it makes.
                return new CommandOutcome.Info("You have several jobs running or waiting. Which one should I cancel?")
                {
                    Buttons = [.. mine.Select(CancelButton)],
                };
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

        return new CommandOutcome.Info($"Cancelling {ReplyText.Title(job.Spec)}. Its {CreditText.Amount(job.ReservedCredits)} will be returned.");
    }

    /// <summary>"Cancel 🎨 a fox in the snow" (short enough for every platform's button).</summary>
    public static ReplyButton CancelButton(JobRecord job)
    {
        var title = ReplyText.Title(job.Spec);
        var label = "Cancel " + (title.Length <= 60 ? title : string.Concat(title.AsSpan(0, 59), "…"));
        return new ReplyButton(ButtonId.Encode(ButtonAction.Cancel, job.Id), label, ButtonAction.Cancel, job.Id);
    }
}
