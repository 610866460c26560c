namespace ChatBot.Core.Commands;

/// <summary>
/// Entry point for platform adapters: validates, prices, reserves and queues a command,
/// or answers it at once. Adapters acknowledge the platform before calling this.
/// </summary>
public interface ICommandDispatcher
{
    Task<CommandOutcome> DispatchAsync(CommandRequest request, CancellationToken cancellationToken);
}
