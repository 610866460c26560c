using ChatBot.Core.Catalog;
using ChatBot.Core.Credits;
using ChatBot.Core.Jobs;

namespace ChatBot.Core.Commands.Handlers;

/// <summary>
/// The Confirm button under a job priced above the tenant's threshold: only its own member may press it; it reserves
/// the price now (refused when the balance no longer covers it) and puts the job in line.
/// </summary>
internal sealed class ConfirmCommandHandler(
    IJobStore store,
    ModelCatalog catalog,
    JobScheduler scheduler,
    JobConfirmation confirmation,
    IOptions<SchedulerOptions> scheduling) : ICommandHandler
{
    public IReadOnlyCollection<CommandKind> Kinds { get; } = [CommandKind.Confirm];

    public async Task<CommandOutcome> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var job = request.Options.JobId is { Length: > 0 } id ? await store.GetAsync(id, cancellationToken).ConfigureAwait(false) : null;
        if (job is null || !job.IsInTenantOf(request.Actor))
        {
            return new CommandOutcome.Refused("I can't find that job any more, so there is nothing to confirm.");
        }

        if (job.Account != request.Actor.Account)
        {
            return new CommandOutcome.Refused(NotYours(job));
        }

        if (job.State != JobState.AwaitingConfirmation)
        {
            return new CommandOutcome.Refused(job.State.IsTerminal()
                ? "That job was cancelled before it started; nothing was charged."
                : "That job is confirmed already.");
        }

        if (catalog.Find(job.Spec.ModelId) is not { } model)
        {
            return new CommandOutcome.Refused($"The model `{job.Spec.ModelId}` is no longer offered, so this job can't run. Nothing was charged.");
        }

        var price = CreditQuote.For(model, job.Spec.Operation, job.Spec.Options);
        var confirmed = await store.ConfirmAsync(job.Id, price, scheduling.Value.MaxQueuedPerUser, cancellationToken).ConfigureAwait(false);
        if (confirmed is null)
        {
            return new CommandOutcome.Refused("That job is no longer waiting for a confirmation.");
        }

        if (await confirmation.RefusalAsync(confirmed, request.Actor.Account, price, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }

        confirmation.Confirmed(job.Id);
        await scheduler.AdmitAsync(((CreateJobResult.Created)confirmed).Job, note: null).ConfigureAwait(false);
        return new CommandOutcome.Info($"Confirmed: {CreditText.Amount(price)} reserved, and the job is in line.");
    }

    /// <summary>Another member's confirmation: refused, with whose it is (their credits would pay).</summary>
    public static string NotYours(JobRecord job) =>
        $"Only {(job.Spec.DisplayName.Length > 0 ? job.Spec.DisplayName : "the member who asked")} can confirm or cancel this job: it spends their credits.";
}
