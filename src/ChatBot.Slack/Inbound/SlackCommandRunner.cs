using ChatBot.Core.Commands;
using ChatBot.Slack.Replies;
using ChatBot.Slack.WebApi;

namespace ChatBot.Slack.Inbound;

/// <summary>
/// Hands a request to the engine. A job's reply is posted first (so its channel and ts go into the
/// <see cref="ReplyHandle"/>), then the dispatcher decides and <see cref="SlackOutcomeResponder"/> tells the member.
/// </summary>
internal sealed class SlackCommandRunner(
    SlackReplies replies,
    ICommandDispatcher dispatcher,
    SlackOutcomeResponder responder,
    ILogger<SlackCommandRunner> logger)
{
    private const int MaxTitleLength = 150;

    /// <summary>A command that answers at once: no public reply, the outcome goes to the member.</summary>
    public async Task AnswerAsync(SlackOrigin origin, CommandRequest request, CancellationToken cancellationToken)
    {
        var outcome = await dispatcher.DispatchAsync(request, cancellationToken).ConfigureAwait(false);
        await responder.RespondAsync(origin, outcome, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A job: posts its reply titled <paramref name="title"/>, then dispatches the request built for that reply.</summary>
    public async Task RunJobAsync(SlackOrigin origin, string title, Func<ReplyHandle, CommandRequest> build, CancellationToken cancellationToken)
    {
        title = title.Length <= MaxTitleLength ? title : title[..(MaxTitleLength - 1)] + "…";
        if (await PostReplyAsync(origin, title, cancellationToken).ConfigureAwait(false) is not { } reply)
        {
            return;
        }

        CommandOutcome outcome;
        try
        {
            outcome = await dispatcher.DispatchAsync(build(reply.ToHandle()), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.InboundFailed(ex, "command");
            await responder.DeleteAsync(reply, cancellationToken).ConfigureAwait(false);
            await responder.EphemeralAsync(origin, "Something went wrong on my side and nothing was charged. Please try again.", cancellationToken).ConfigureAwait(false);
            return;
        }

        await responder.RespondToJobAsync(origin, reply, outcome, cancellationToken).ConfigureAwait(false);
    }

    private async Task<SlackReplyAddress?> PostReplyAsync(SlackOrigin origin, string title, CancellationToken cancellationToken)
    {
        try
        {
            return await replies.PostPlaceholderAsync(origin.Channel, origin.ThreadTs, title, cancellationToken).ConfigureAwait(false);
        }
        catch (SlackApiException ex) when (ex.Error is "not_in_channel" or "channel_not_found")
        {
            await responder.EphemeralAsync(origin, "I can't post in this channel yet. Add me with `/invite @ChatBot` (or from the channel details), then try again.", cancellationToken).ConfigureAwait(false);
            return null;
        }
    }
}
