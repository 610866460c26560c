using ChatBot.Core.Jobs;
using ChatBot.Core.Replies;

namespace ChatBot.Core.Commands.Handlers;

/// <summary>
/// <c>/show &lt;job&gt;</c> (Midjourney's /show): posts a finished result again, here, with its working buttons. A member
/// shows their own results; an admin any of the community's.
/// </summary>
internal sealed class ShowCommandHandler(IJobStore store, StoredResults results, ReplyUpdater replies) : ICommandHandler
{
    public IReadOnlyCollection<CommandKind> Kinds { get; } = [CommandKind.Show];

    public async Task<CommandOutcome> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var (job, refusal) = await FindResultAsync(store, request, cancellationToken).ConfigureAwait(false);
        if (job is null)
        {
            return new CommandOutcome.Refused(refusal!);
        }

        if (await results.ForAsync(job, cancellationToken).ConfigureAwait(false) is not { } view)
        {
            return new CommandOutcome.Refused($"The files of job `{job.Id}` are no longer kept, so it can't be shown again.");
        }

        try
        {
            await replies.PostResultAsync(request.Reply, view).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new CommandOutcome.Refused("I couldn't post that result here.");
        }

        return new CommandOutcome.Accepted(job.Id);
    }

    /// <summary>
    /// The finished job a member's <c>/show</c> or Info names (<see cref="CommandOptions.JobId"/>): their own, or any of
    /// the community's for an admin; otherwise why not.
    /// </summary>
    public static async Task<(JobRecord? Job, string? Refusal)> FindResultAsync(IJobStore store, CommandRequest request, CancellationToken cancellationToken)
    {
        var id = request.Options.JobId?.Trim().Trim('`');
        if (string.IsNullOrEmpty(id))
        {
            return (null, "Say which result: `/show <job>` (`/history` lists yours).");
        }

        var job = await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (job is null || !job.IsInTenantOf(request.Actor))
        {
            return (null, $"I can't find the job `{id}`. `/history` lists your results.");
        }

        if (job.Account != request.Actor.Account && !request.Actor.IsAdmin)
        {
            return (null, "You can only show your own results.");
        }

        return job.State == JobState.Succeeded
            ? (job, null)
            : (null, $"Job `{job.Id}` has no result to show ({job.State.ToString().ToLowerInvariant()}).");
    }
}
