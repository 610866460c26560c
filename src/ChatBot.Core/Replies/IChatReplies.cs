namespace ChatBot.Core.Replies;

/// <summary>
/// A platform adapter's way of editing the bot's reply to a job. One implementation per platform;
/// the job engine picks it by <see cref="ReplyHandle.Platform"/>. Implementations handle their own
/// platform rate limits (honouring Retry-After) and throw only when the reply is lost for good.
/// </summary>
/// <remarks>
/// <para>A reply has one writer: the engine's <see cref="ReplyUpdater"/>. Every view of a job, the first
/// one included, reaches the platform through <see cref="UpdateAsync"/> or <see cref="PostResultAsync"/>
/// called by it, paced and in order; an adapter never renders a job's view itself.</para>
/// <para>At acknowledgement time, before it dispatches the command, an adapter may do only what its
/// platform needs so that a reply exists to be edited, and put what addresses it into the
/// <see cref="ReplyHandle"/>: acknowledge inside the platform's deadline (Discord: a deferred response,
/// so the first view is an edit of the original response), create a placeholder message to learn its
/// address (Slack: <c>chat.postMessage</c> for its <c>ts</c>; Discord reactions: a channel message), or
/// create the reply entry (the Playground). A placeholder carries no job state.</para>
/// <para>When the dispatcher answers <see cref="CommandOutcome.Accepted"/>, the first view has already been
/// handed to this interface, so the adapter has nothing left to show. For the other outcomes (which run
/// no job) the adapter answers itself, and may replace or remove its placeholder.</para>
/// </remarks>
public interface IChatReplies
{
    string Platform { get; }

    /// <summary>Shows a job's state in its reply: the first view, then each newer one (an edit in place).</summary>
    Task UpdateAsync(ReplyHandle handle, ReplyView view, CancellationToken cancellationToken);

    /// <summary>Posts the job's result into its reply; the last call for a reply that succeeded.</summary>
    Task PostResultAsync(ReplyHandle handle, ResultView view, CancellationToken cancellationToken);
}
