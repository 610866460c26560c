namespace ChatBot.Core.Model;

/// <summary>What the dispatcher decided about a command. The adapter renders it natively.</summary>
public abstract record CommandOutcome
{
    private CommandOutcome()
    {
    }

    /// <summary>
    /// A job was created and queued. Its reply's first view has already been handed to the platform's
    /// reply writer (IChatReplies, through the engine's ReplyUpdater): the adapter shows nothing more.
    /// </summary>
    public sealed record Accepted(string JobId) : CommandOutcome;

    /// <summary>An answer that runs no job (/credits, /models, /jobs, /cancel).</summary>
    public sealed record Info(string Text, bool Ephemeral = true) : CommandOutcome
    {
        /// <summary>Buttons under the answer (a Cancel per running job in <c>/jobs</c>).</summary>
        public IReadOnlyList<Replies.ReplyButton> Buttons { get; init; } = [];
    }

    /// <summary>The command was refused: bad input, no credits, limits. Always ephemeral, costs nothing.</summary>
    public sealed record Refused(string Message) : CommandOutcome;
}
