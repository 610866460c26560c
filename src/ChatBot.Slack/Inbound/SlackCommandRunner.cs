using ChatBot.Core.Commands;
using ChatBot.Slack.Replies;

namespace ChatBot.Slack.Inbound;

/// <summary>
/// Hands a request to the engine: the dispatcher decides and <see cref="SlackOutcomeResponder"/> tells the member.
/// </summary>
internal sealed class SlackCommandRunner(
    SlackReplyPosts replies,
    ICommandDispatcher dispatcher,
    SlackOutcomeResponder responder,
    ILogger<SlackCommandRunner> logger)
{
    /// <summary>A command that answers at once: no public reply, the outcome goes to the member.</summary>
    public async Task AnswerAsync(SlackOrigin origin, CommandRequest request, CancellationToken cancellationToken)
    {
        var outcome = await dispatcher.DispatchAsync(request, cancellationToken).ConfigureAwait(false);
        await responder.RespondAsync(origin, outcome, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A job: dispatches the request built for a reply the engine posts with the job's first view, so a refusal reaches
    /// the member only (ephemeral) and never shows in the channel. When Slack refuses that post, the member is told why
    /// and the job, which could never be shown, is cancelled and its credits returned. Returns the outcome (null after a failure).
    /// </summary>
    public async Task<CommandOutcome?> RunJobAsync(SlackOrigin origin, Func<ReplyHandle, CommandRequest> build, CancellationToken cancellationToken)
    {
        var reply = replies.NewReply(origin.Channel, origin.ThreadTs, origin.UserId);
        var request = build(reply.ToHandle());
        CommandOutcome? outcome = null;
        Exception? failure = null;
        try
        {
            outcome = await dispatcher.DispatchAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            failure = ex;
        }

        if (replies.ClaimPostFailure(reply) is { } error)
        {
            if (outcome is CommandOutcome.Accepted accepted)
            {
                var cancel = new CommandRequest(CommandKind.Cancel, request.Actor, request.Conversation, new CommandOptions { JobId = accepted.JobId }, [], origin.NoReply);
                await dispatcher.DispatchAsync(cancel, cancellationToken).ConfigureAwait(false);
            }

            await responder.EphemeralAsync(origin, SlackReplyErrors.Explain(error) + " Nothing was charged.", cancellationToken).ConfigureAwait(false);
            return new CommandOutcome.Refused(SlackReplyErrors.Explain(error));
        }

        if (failure is not null)
        {
            logger.InboundFailed(failure, "command");
            await responder.EphemeralAsync(origin, "Something went wrong on my side and nothing was charged. Please try again.", cancellationToken).ConfigureAwait(false);
            return null;
        }

        await responder.RespondToJobAsync(origin, outcome!, cancellationToken).ConfigureAwait(false);
        return outcome;
    }
}
