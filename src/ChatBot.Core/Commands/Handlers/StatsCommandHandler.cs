using ChatBot.Core.Credits;
using ChatBot.Core.Usage;

namespace ChatBot.Core.Commands.Handlers;

/// <summary><c>/stats [credits]</c> (admins): the community's usage from the jobs store, privately.</summary>
internal sealed class StatsCommandHandler(IUsageStore usage, ICreditLedger ledger, TimeProvider time) : ICommandHandler
{
    public IReadOnlyCollection<CommandKind> Kinds { get; } = [CommandKind.Stats];

    public async Task<CommandOutcome> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (!request.Actor.IsAdmin)
        {
            return new CommandOutcome.Refused("Only admins can see the usage statistics.");
        }

        if (request.Options.Amount is < 0)
        {
            return new CommandOutcome.Refused("An allowance is a number of credits, 0 or more: `/stats 30`.");
        }

        var tenant = request.Actor.Account.Tenant;
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var since = new DateTimeOffset(today.AddDays(1 - UsageReport.Days).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var rows = await usage.GetUsageAsync(tenant, since, cancellationToken).ConfigureAwait(false);
        var allowance = await ledger.GetAllowanceAsync(tenant, cancellationToken).ConfigureAwait(false);
        return new CommandOutcome.Info(UsageReport.Render(rows, today, allowance, request.Options.Amount));
    }
}
