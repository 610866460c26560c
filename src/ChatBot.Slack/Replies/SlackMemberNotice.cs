using ChatBot.Slack.Blocks;
using ChatBot.Slack.WebApi;

namespace ChatBot.Slack.Replies;

/// <summary>
/// Tells the member a job belongs to what became of it when its reply cannot show it: an ephemeral message in the
/// reply's channel, or, where the bot can no longer post at all (archived, restricted), a direct message. Best effort.
/// </summary>
internal sealed class SlackMemberNotice(SlackApiClient api, ILogger<SlackMemberNotice> logger)
{
    public async Task TellAsync(SlackReplyAddress address, string text, CancellationToken cancellationToken)
    {
        if (address.UserId is not { } user)
        {
            return; // a handle from before the member's id was kept
        }

        var message = new JsonObject { ["channel"] = address.Channel, ["user"] = user, ["text"] = SlackBlocks.Mrkdwn(text) };
        if (address.ThreadTs is not null)
        {
            message["thread_ts"] = address.ThreadTs;
        }

        try
        {
            await api.CallAsync("chat.postEphemeral", message, cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (SlackApiException ex)
        {
            logger.MemberNotTold(address.ToHandle().ToString(), ex.Error);
        }

        try
        {
            // Posting to a member's id writes to their direct conversation with the app.
            await api.PostMessageAsync(new JsonObject { ["channel"] = user, ["text"] = SlackBlocks.Mrkdwn(text) }, cancellationToken).ConfigureAwait(false);
        }
        catch (SlackApiException ex)
        {
            logger.MemberNotTold(address.ToHandle().ToString(), ex.Error);
        }
    }
}
