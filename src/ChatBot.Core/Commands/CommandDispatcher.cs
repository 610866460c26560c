using ChatBot.Core.Commands.Rules;
using ChatBot.Core.Jobs;
using ChatBot.Core.Metrics;
using ChatBot.Core.Tenants;

namespace ChatBot.Core.Commands;

/// <summary>
/// Turns a platform-neutral command into an answer or a queued job by handing it to the one
/// <see cref="ICommandHandler"/> of its kind. Every kind must have a handler, checked when the
/// dispatcher is built, so a missing registration stops start-up rather than a member's command.
/// </summary>
internal sealed class CommandDispatcher : ICommandDispatcher
{
    private readonly Dictionary<CommandKind, ICommandHandler> _handlers = [];
    private readonly JobScheduler _scheduler;
    private readonly ChatBotMetrics? _metrics;
    private readonly ITenantSettingsStore? _tenants;

    public CommandDispatcher(IEnumerable<ICommandHandler> handlers, JobScheduler scheduler, ChatBotMetrics? metrics = null, ITenantSettingsStore? tenants = null)
    {
        _scheduler = scheduler;
        _metrics = metrics;
        _tenants = tenants;
        foreach (var handler in handlers)
        {
            foreach (var kind in handler.Kinds)
            {
                if (!_handlers.TryAdd(kind, handler))
                {
                    throw new InvalidOperationException($"Two command handlers answer {kind}: {_handlers[kind].GetType().Name} and {handler.GetType().Name}.");
                }
            }
        }

        var missing = Enum.GetValues<CommandKind>().Where(kind => !_handlers.ContainsKey(kind)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"No command handler answers {string.Join(", ", missing)}.");
        }
    }

    public Task<CommandOutcome> DispatchAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_scheduler.IsStopping)
        {
            return Task.FromResult<CommandOutcome>(new CommandOutcome.Refused("The bot is restarting. Please try again in a minute."));
        }

        if (!_handlers.TryGetValue(request.Kind, out var handler))
        {
            return Task.FromResult<CommandOutcome>(new CommandOutcome.Refused("I don't know that command. `/help` lists them."));
        }

        return _metrics is null && _tenants is null ? handler.HandleAsync(request, cancellationToken) : RuledAsync(handler, request, cancellationToken);
    }

    /// <summary>The community's channel rule first (a refusal costs nothing), then the handler, each outcome counted.</summary>
    private async Task<CommandOutcome> RuledAsync(ICommandHandler handler, CommandRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var settings = _tenants is null ? null : await _tenants.GetAsync(request.Actor.Account.Tenant, cancellationToken).ConfigureAwait(false);
            var outcome = settings is not null && ChannelRule.Check(settings, request) is { } refusal
                ? new CommandOutcome.Refused(refusal)
                : await handler.HandleAsync(request, cancellationToken).ConfigureAwait(false);
            _metrics?.Command(request.Kind, outcome switch
            {
                CommandOutcome.Accepted => "accepted",
                CommandOutcome.Refused => "refused",
                _ => "info",
            });
            return outcome;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _metrics?.Command(request.Kind, "error");
            throw;
        }
    }
}
