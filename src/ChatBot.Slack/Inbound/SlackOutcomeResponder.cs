using ChatBot.Core.Replies;
using ChatBot.Slack.Blocks;
using ChatBot.Slack.WebApi;

namespace ChatBot.Slack.Inbound;

/// <summary>
/// Tells a member what became of their request: a <see cref="CommandOutcome"/> rendered the Slack way
/// (refusals and private information ephemerally, public information in the channel), and the
/// ephemeral answers the handlers give before anything reaches the engine.
/// </summary>
internal sealed class SlackOutcomeResponder(SlackApiClient api, ILogger<SlackOutcomeResponder> logger)
{
    private const int PageLength = 3900;

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
    /// The outcome of a job command: an accepted job's reply is the engine's (it posted the first view into it);
    /// otherwise nothing was posted in the channel, and the member is told privately (or the channel, for public info).
    /// </summary>
    public Task RespondToJobAsync(SlackOrigin origin, CommandOutcome outcome, CancellationToken cancellationToken) =>
        outcome is CommandOutcome.Accepted ? Task.CompletedTask : RespondAsync(origin, outcome, cancellationToken);

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

    private async Task InfoAsync(SlackOrigin origin, CommandOutcome.Info info, CancellationToken cancellationToken)
    {
        if (info.Ephemeral && info.Buttons.Count > 0)
        {
            await EphemeralAsync(origin, info.Text, cancellationToken, SlackBlocks.TextWithButtons(info.Text, info.Buttons)).ConfigureAwait(false);
            return;
        }

        if (info.Ephemeral)
        {
            // Slack asks for message text of at most 4,000 characters: a long list (/models) comes as numbered pages.
            var pages = TextPages.Split(info.Text, PageLength);
            for (var i = 0; i < pages.Count; i++)
            {
                var page = pages.Count == 1 ? pages[i] : $"{pages[i]}\n_Page {i + 1} of {pages.Count}_";
                await EphemeralAsync(origin, page, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        try
        {
            var post = new JsonObject { ["channel"] = origin.Channel, ["text"] = SlackBlocks.Mrkdwn(info.Text) };
            AddThread(post, origin);
            await api.PostMessageAsync(post, cancellationToken).ConfigureAwait(false);
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
