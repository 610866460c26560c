using ChatBot.Core.Jobs;
using ChatBot.Core.Replies;

namespace ChatBot.Core.Commands.Handlers;

/// <summary>/jobs: the member's queued and running jobs, with their place in line and reserved credits.</summary>
internal sealed class JobsCommandHandler(IJobStore store, JobScheduler scheduler) : ICommandHandler
{
    public IReadOnlyCollection<CommandKind> Kinds { get; } = [CommandKind.Jobs];

    public async Task<CommandOutcome> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var jobs = await store.GetActiveAsync(request.Actor.Account, cancellationToken).ConfigureAwait(false);
        if (jobs.Count == 0)
        {
            return new CommandOutcome.Info("You have no queued or running jobs.");
        }

        var text = new StringBuilder("**Your jobs**\n");
        foreach (var job in jobs)
        {
            var where = job.State == JobState.Queued && scheduler.PositionOf(job.Id) is { } p ? $"queued, {ReplyText.Ordinal(p)} in line" : job.State.ToString().ToLowerInvariant();
            text.Append(CultureInfo.InvariantCulture, $"`{job.Id}` {ReplyText.Title(job.Spec)} — {where}, {job.ReservedCredits} credits reserved\n");
        }

        text.Append("Cancel one with `/cancel <job>`.");
        return new CommandOutcome.Info(text.ToString());
    }
}
