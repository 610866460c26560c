using ChatBot.Core.Credits;
using ChatBot.Core.Jobs;
using ChatBot.Core.Replies;

namespace ChatBot.Core.Commands.Handlers;

/// <summary>/credits (balance and latest movements), and the admins' grant and set-allowance.</summary>
internal sealed class CreditsCommandHandler(ICreditLedger ledger, IJobStore jobs, TimeProvider time) : ICommandHandler
{
    public IReadOnlyCollection<CommandKind> Kinds { get; } = [CommandKind.Credits, CommandKind.GrantCredits, CommandKind.SetAllowance];

    public Task<CommandOutcome> HandleAsync(CommandRequest request, CancellationToken cancellationToken) => request.Kind switch
    {
        CommandKind.GrantCredits => GrantAsync(request, cancellationToken),
        CommandKind.SetAllowance => SetAllowanceAsync(request, cancellationToken),
        _ => BalanceAsync(request, cancellationToken),
    };

    private async Task<CommandOutcome> BalanceAsync(CommandRequest request, CancellationToken ct)
    {
        var account = request.Actor.Account;
        var whose = "";
        if (request.Options.TargetUserId is { Length: > 0 } target && target != account.UserId)
        {
            if (!request.Actor.IsAdmin)
            {
                return new CommandOutcome.Refused("Only admins can see another member's credits. `/credits` shows yours.");
            }

            account = account with { UserId = target };
            whose = $" of {target}";
        }

        var balance = await ledger.GetBalanceAsync(account, ct).ConfigureAwait(false);
        var history = await ledger.GetHistoryAsync(account, 30, ct).ConfigureAwait(false);
        var until = balance.NextTopUp - time.GetUtcNow();
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"**Credits{whose}:** {balance.Available} available")
            .Append(balance.Reserved > 0 ? string.Create(CultureInfo.InvariantCulture, $", {balance.Reserved} held for running jobs") : "")
            .Append('\n')
            .Append(CultureInfo.InvariantCulture, $"Daily allowance: {balance.DailyAllowance} · next top-up in {ReplyText.Duration(until)} (00:00 UTC)\n");
        var lines = await CreditHistoryText.LinesAsync(history, jobs, time.GetUtcNow(), 8, ct).ConfigureAwait(false);
        if (lines.Count > 0)
        {
            text.Append("Recently:\n");
            foreach (var line in lines)
            {
                text.Append(line).Append('\n');
            }
        }

        return new CommandOutcome.Info(text.ToString().TrimEnd());
    }

    private async Task<CommandOutcome> GrantAsync(CommandRequest request, CancellationToken ct)
    {
        if (!request.Actor.IsAdmin)
        {
            return new CommandOutcome.Refused("Only admins can grant credits.");
        }

        if (request.Options.TargetUserId is not { Length: > 0 } target || request.Options.Amount is not { } amount || amount == 0)
        {
            return new CommandOutcome.Refused("Use `/credits grant @user N` with a whole number N.");
        }

        if (amount is > CreditLimits.MaxBalance or < -CreditLimits.MaxBalance)
        {
            return new CommandOutcome.Refused($"A grant can move at most {CreditLimits.MaxBalanceText} credits at once (the most an account can hold).");
        }

        var account = request.Actor.Account with { UserId = target };
        var balance = await ledger.GrantAsync(account, amount, $"granted by {request.Actor.DisplayName}", ct).ConfigureAwait(false);
        var verb = amount > 0 ? $"Granted {CreditText.Amount(amount)} to" : $"Took {CreditText.Amount(-amount)} from";
        var capped = amount > 0 && balance >= CreditLimits.MaxBalance ? $" (capped at {CreditLimits.MaxBalanceText}, the most an account can hold)" : "";
        return new CommandOutcome.Info($"{verb} {target}. Their balance is now {balance}{capped}.");
    }

    private async Task<CommandOutcome> SetAllowanceAsync(CommandRequest request, CancellationToken ct)
    {
        if (!request.Actor.IsAdmin)
        {
            return new CommandOutcome.Refused("Only admins can set the daily allowance.");
        }

        if (request.Options.Amount is not { } amount || amount < 0)
        {
            return new CommandOutcome.Refused("Use `/credits set-allowance N` with a whole number N of 0 or more.");
        }

        if (amount > CreditLimits.MaxBalance)
        {
            return new CommandOutcome.Refused($"The daily allowance can be at most {CreditLimits.MaxBalanceText} credits (the most an account can hold).");
        }

        await ledger.SetAllowanceAsync(request.Actor.Account.Tenant, amount, ct).ConfigureAwait(false);
        return new CommandOutcome.Info($"Daily allowance set to {CreditText.Amount(amount)}. Members are topped up to it on their first command each day (UTC).");
    }
}
