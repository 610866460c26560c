using ChatBot.Slack.Blocks;
using ChatBot.Slack.Replies;
using ChatBot.Slack.WebApi;

namespace ChatBot.Slack.Inbound;

/// <summary>
/// Tells a member what became of their request: a <see cref="CommandOutcome"/> rendered the Slack way
/// (refusals and private information ephemerally, public information in the channel), and the
/// ephemeral answers the handlers give before anything reaches the engine.
/// </summary>
internal sealed class SlackOutcomeResponder(SlackApiClient api, ILogger<SlackOutcomeResponder> logger)
{
    /// <summary>The outcome of a command that answers at once (credits, jobs, cancel, settings…).</summary>
    public async Task RespondAsync(SlackOrigin origin, CommandOutcome outcome, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case CommandOutcome.Info info:
                await InfoAsync(origin, info, cancellationToken).ConfigureAwait(false);
                break;
            case CommandOutcome.Refused refused:
                await EphemeralAsync(origin, refused.Message, cancellationToken).ConfigureAwait(false);
                break;
            case CommandOutcome.Accepted accepted:
                await EphemeralAsync(origin, $"Job `{accepted.JobId}` is queued.", cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>
    /// The outcome of a job command whose reply was already posted at <paramref name="reply"/>: an accepted job
    /// keeps it (the engine writes every view into it); otherwise the reply is removed and the member told privately (or the channel, for public info).
    /// </summary>
    public async Task RespondToJobAsync(SlackOrigin origin, SlackReplyAddress reply, CommandOutcome outcome, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case CommandOutcome.Accepted:
                break; // The engine has shown the job's first view in the reply (IChatReplies' rule).
            case CommandOutcome.Refused refused:
                await DeleteAsync(reply, cancellationToken).ConfigureAwait(false);
                await EphemeralAsync(origin, refused.Message, cancellationToken).ConfigureAwait(false);
                break;
            case CommandOutcome.Info info:
                await DeleteAsync(reply, cancellationToken).ConfigureAwait(false);
                await InfoAsync(origin, info, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>An ephemeral answer: through the response_url when there is one, else chat.postEphemeral.</summary>
    public async Task EphemeralAsync(SlackOrigin origin, string text, CancellationToken cancellationToken, JsonArray? blocks = null)
    {
        var message = new JsonObject { ["text"] = SlackBlocks.Mrkdwn(text) };
        if (blocks is not null)
        {
            message["blocks"] = blocks;
        }

        if (origin.ResponseUrl is { } responseUrl && Uri.TryCreate(responseUrl, UriKind.Absolute, out var url))
        {
            var viaUrl = (JsonObject)message.DeepClone();
            viaUrl["response_type"] = "ephemeral";
            viaUrl["replace_original"] = false;
            try
            {
                if (await api.RespondAsync(url, viaUrl, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (HttpRequestException ex)
            {
                logger.ApiFailed("response_url", ex.GetType().Name);
            }
        }

        message["channel"] = origin.Channel;
        message["user"] = origin.UserId;
        AddThread(message, origin);
        try
        {
            await api.CallAsync("chat.postEphemeral", message, cancellationToken).ConfigureAwait(false);
        }
        catch (SlackApiException ex)
        {
            logger.ApiFailed("chat.postEphemeral", ex.Error);
        }
    }

    /// <summary>Removes a reply that will not become a job (best effort: a failure is logged).</summary>
    public async Task DeleteAsync(SlackReplyAddress reply, CancellationToken cancellationToken)
    {
        try
        {
            await api.CallAsync("chat.delete", new JsonObject { ["channel"] = reply.Channel, ["ts"] = reply.Ts }, cancellationToken).ConfigureAwait(false);
        }
        catch (SlackApiException ex)
        {
            logger.ApiFailed("chat.delete", ex.Error);
        }
    }

    private async Task InfoAsync(SlackOrigin origin, CommandOutcome.Info info, CancellationToken cancellationToken)
    {
        if (info.Ephemeral)
        {
            await EphemeralAsync(origin, info.Text, cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            var post = new JsonObject { ["channel"] = origin.Channel, ["text"] = SlackBlocks.Mrkdwn(info.Text) };
            AddThread(post, origin);
            await api.CallAsync("chat.postMessage", post, cancellationToken).ConfigureAwait(false);
        }
        catch (SlackApiException)
        {
            await EphemeralAsync(origin, info.Text, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void AddThread(JsonObject message, SlackOrigin origin)
    {
        if (origin.ThreadTs is not null)
        {
            message["thread_ts"] = origin.ThreadTs;
        }
    }
}
