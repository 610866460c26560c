namespace ChatBot.Core.Commands;

/// <summary>
/// Answers the commands of one concern (media jobs, credits, jobs, …). The dispatcher hands each
/// <see cref="CommandKind"/> to exactly one handler.
/// </summary>
internal interface ICommandHandler
{
    /// <summary>The kinds this handler answers.</summary>
    IReadOnlyCollection<CommandKind> Kinds { get; }

    Task<CommandOutcome> HandleAsync(CommandRequest request, CancellationToken cancellationToken);
}
