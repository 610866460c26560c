using ChatBot.Core.Credits;
using ChatBot.Core.Jobs;
using ChatBot.Core.Replies;

namespace ChatBot.Core.Commands.Handlers;

/// <summary>
/// <c>/history</c>: the member's last results, newest first, each with Show (posts it again with all its buttons), Info
/// and Re-roll: buttons that carry the job id, so they work from the list as they do under the result.
/// </summary>
internal sealed class HistoryCommandHandler(IJobStore store, TimeProvider time) : ICommandHandler
{
    /// <summary>Results listed: three buttons each stay within a Discord message's 25.</summary>
    public const int Shown = 5;

    public IReadOnlyCollection<CommandKind> Kinds { get; } = [CommandKind.History];

    public async Task<CommandOutcome> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var finished = await store.GetFinishedAsync(request.Actor.Account, Shown * 4, cancellationToken).ConfigureAwait(false);
        var results = finished.Where(j => j.State == JobState.Succeeded).Take(Shown).ToList();
        if (results.Count == 0)
        {
            return new CommandOutcome.Info("You have no results yet. Try `/imagine a lighthouse at dusk`.");
        }

        var text = new StringBuilder("**Your latest results**\n");
        var buttons = new List<ReplyButton>();
        var now = time.GetUtcNow();
        for (var i = 0; i < results.Count; i++)
        {
            var job = results[i];
            var n = i + 1;
            var ago = job.FinishedAt is { } at ? $" · {ReplyText.Duration(now - at)} ago" : "";
            text.Append(CultureInfo.InvariantCulture, $"{n}. {ReplyText.Title(job.Spec)} · {CreditText.Amount(job.ChargedCredits ?? 0)}{ago} · `{job.Id}`\n");
            buttons.Add(new ReplyButton(ButtonId.Encode(ButtonAction.Show, job.Id), $"Show {n}", ButtonAction.Show, job.Id));
            buttons.Add(new ReplyButton(ButtonId.Encode(ButtonAction.Info, job.Id), $"Info {n}", ButtonAction.Info, job.Id));
            buttons.Add(new ReplyButton(ButtonId.Encode(ButtonAction.Reroll, job.Id), $"Re-roll {n}", ButtonAction.Reroll, job.Id));
        }

        text.Append("`/show <job>` posts one again here, with its buttons.");
        return new CommandOutcome.Info(text.ToString()) { Buttons = buttons };
    }
}
