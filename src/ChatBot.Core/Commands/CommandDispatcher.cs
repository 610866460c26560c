using ChatBot.Core.Jobs;
using ChatBot.Core.Metrics;

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

    public CommandDispatcher(IEnumerable<ICommandHandler> handlers, JobScheduler scheduler, ChatBotMetrics? metrics = null)
    {
        _scheduler = scheduler;
        _metrics = metrics;
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

        return _metrics is null ? handler.HandleAsync(request, cancellationToken) : MeteredAsync(handler, request, _metrics, cancellationToken);
    }

    private static async Task<CommandOutcome> MeteredAsync(ICommandHandler handler, CommandRequest request, ChatBotMetrics metrics, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await handler.HandleAsync(request, cancellationToken).ConfigureAwait(false);
            metrics.Command(request.Kind, outcome switch
            {
                CommandOutcome.Accepted => "accepted",
                CommandOutcome.Refused => "refused",
                _ => "info",
            });
            return outcome;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            metrics.Command(request.Kind, "error");
            throw;
        }
    }
}
