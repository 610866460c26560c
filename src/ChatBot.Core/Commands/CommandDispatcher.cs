using ChatBot.Core.Jobs;

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

    public CommandDispatcher(IEnumerable<ICommandHandler> handlers, JobScheduler scheduler)
    {
        _scheduler = scheduler;
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

        return _handlers.TryGetValue(request.Kind, out var handler)
            ? handler.HandleAsync(request, cancellationToken)
            : Task.FromResult<CommandOutcome>(new CommandOutcome.Refused("I don't know that command. `/help` lists them."));
    }
}
