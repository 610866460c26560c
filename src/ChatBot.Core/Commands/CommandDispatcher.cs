using ChatBot.Core.Jobs;

namespace ChatBot.Core.Commands;

/// <summary>
/// Turns a platform-neutral command into an answer or a queued job by handing it to the one
/// <see cref="ICommandHandler"/> of its kind. Every kind must have a handler, checked when the
/// dispatcher is built, so a missing registration stops start-up rather than a member's command.
/// </summary>
internal sealed class CommandDispatcher : ICommandDispatcher
{
    /// <summary>The refusal while the store cannot write: nothing new is taken on that could not be saved or refunded.</summary>
    public const string StorageFull = "The bot cannot save anything right now (its storage is full), so it is not taking commands. Nothing was charged; please try again later.";

    private readonly Dictionary<CommandKind, ICommandHandler> _handlers = [];
    private readonly JobScheduler _scheduler;
    private readonly IStorageWriteHealth _storage;

    public CommandDispatcher(IEnumerable<ICommandHandler> handlers, JobScheduler scheduler, IStorageWriteHealth storage)
    {
        _scheduler = scheduler;
        _storage = storage;
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

        if (_storage.IsFailing)
        {
            return Task.FromResult<CommandOutcome>(new CommandOutcome.Refused(StorageFull));
        }

        return _handlers.TryGetValue(request.Kind, out var handler)
            ? handler.HandleAsync(request, cancellationToken)
            : Task.FromResult<CommandOutcome>(new CommandOutcome.Refused("I don't know that command. `/help` lists them."));
    }
}
