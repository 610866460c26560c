using ChatBot.Core.Replies;

namespace ChatBot.Core.Model;

/// <summary>What the dispatcher decided about a command. The adapter renders it natively.</summary>
public abstract record CommandOutcome
{
    private CommandOutcome()
    {
    }

    /// <summary>A job was created and queued; the adapter shows <see cref="View"/> as the job's reply.</summary>
    public sealed record Accepted(string JobId, ReplyView View) : CommandOutcome;

    /// <summary>An answer that runs no job (/credits, /models, /jobs, /cancel).</summary>
    public sealed record Info(string Text, bool Ephemeral = true) : CommandOutcome;

    /// <summary>The command was refused: bad input, no credits, limits. Always ephemeral, costs nothing.</summary>
    public sealed record Refused(string Message) : CommandOutcome;
}
