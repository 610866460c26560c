using ChatBot.Core.Credits;
using ChatBot.Core.Jobs;
using ChatBot.Core.Replies;

namespace ChatBot.Core.Commands.Handlers;

/// <summary>/jobs: the member's queued and running jobs (place in line, reserved credits, a Cancel button each) and the last few finished ones.</summary>
internal sealed class JobsCommandHandler(IJobStore store, JobScheduler scheduler) : ICommandHandler
{
    /// <summary>How many finished jobs /jobs lists.</summary>
    public const int FinishedShown = 5;

    public IReadOnlyCollection<CommandKind> Kinds { get; } = [CommandKind.Jobs];

    public async Task<CommandOutcome> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var active = await store.GetActiveAsync(request.Actor.Account, cancellationToken).ConfigureAwait(false);
        var finished = await store.GetFinishedAsync(request.Actor.Account, FinishedShown, cancellationToken).ConfigureAwait(false);
        if (active.Count == 0 && finished.Count == 0)
        {
            return new CommandOutcome.Info("You have no jobs yet. Start one with `/imagine`.");
        }

        var text = new StringBuilder("**Your jobs**\n");
        text.Append(active.Count == 0 ? "Nothing queued or running.\n" : "");
        foreach (var job in active)
        {
            var where = job.State == JobState.Queued && scheduler.PositionOf(job.Id) is { } p ? $"queued, {ReplyText.Ordinal(p)} in line" : job.State == JobState.AwaitingConfirmation ? "waiting for your Confirm" : job.State.ToString().ToLowerInvariant();
            var held = job.ReservedCredits > 0 ? $", {CreditText.Amount(job.ReservedCredits)} reserved" : "";
            text.Append(CultureInfo.InvariantCulture, $"`{job.Id}` {ReplyText.Title(job.Spec)} — {where}{held}\n");
        }

        if (finished.Count > 0)
        {
            text.Append("**Finished**\n");
            foreach (var job in finished)
            {
                var charged = job.ChargedCredits is { } c ? $", {CreditText.Amount(c)}" : "";
                text.Append(CultureInfo.InvariantCulture, $"`{job.Id}` {ReplyText.Title(job.Spec)} — {job.State.ToString().ToLowerInvariant()}{charged}\n");
            }
        }

        if (active.Count > 0)
        {
            text.Append("Cancel one with its button or `/cancel <job>`.");
        }

        // Each button named by what the job makes, as /cancel's are: nobody has to match an id.
        var buttons = active.Select(CancelCommandHandler.CancelButton).ToList();
        return new CommandOutcome.Info(text.ToString().TrimEnd()) { Buttons = buttons };
    }
}
