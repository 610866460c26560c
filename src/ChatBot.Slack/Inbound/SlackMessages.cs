using ChatBot.Slack.Inbound.Payloads;
using ChatBot.Slack.WebApi;

namespace ChatBot.Slack.Inbound;

/// <summary>
/// Finds messages, and the images and bot results in them: first among those the bot saw in message events
/// (<see cref="SlackRecentMessages"/>), then by reading them back from Slack (conversations.history / replies).
/// </summary>
internal sealed class SlackMessages(SlackApiClient api, SlackRecentMessages recent)
{
    /// <summary>How far back /edit and /upscale look for the member's latest image.</summary>
    public const int RecentLimit = 30;

    /// <summary>The message at <paramref name="ts"/>: top-level through conversations.history, a thread reply through conversations.replies.</summary>
    public async Task<SlackMessage?> FindAsync(string channel, string ts, CancellationToken cancellationToken)
    {
        if (recent.Find(channel, ts) is { } seen)
        {
            return seen;
        }

        var history = await api.CallFormAsync(
            "conversations.history",
            new Dictionary<string, string>(StringComparer.Ordinal) { ["channel"] = channel, ["latest"] = ts, ["inclusive"] = "true", ["limit"] = "1" },
            cancellationToken).ConfigureAwait(false);
        if (FirstWithTs(history, ts) is { } top)
        {
            recent.Remember(channel, top);
            return top;
        }

        try
        {
            var replies = await api.CallFormAsync(
                "conversations.replies",
                new Dictionary<string, string>(StringComparer.Ordinal) { ["channel"] = channel, ["ts"] = ts },
                cancellationToken).ConfigureAwait(false);
            return FirstWithTs(replies, ts);
        }
        catch (SlackApiException ex) when (ex.Error is "thread_not_found" or "message_not_found")
        {
            return null;
        }
    }

    /// <summary>The newest image <paramref name="userId"/> shared in the channel (or in the thread, when given).</summary>
    public async Task<MediaRef?> RecentImageAsync(string channel, string userId, string? threadTs, CancellationToken cancellationToken)
    {
        if (recent.LatestImage(channel, userId, threadTs) is { } seen)
        {
            return seen;
        }

        var answer = threadTs is null
            ? await api.CallFormAsync("conversations.history", new Dictionary<string, string>(StringComparer.Ordinal) { ["channel"] = channel, ["limit"] = RecentLimit.ToString(CultureInfo.InvariantCulture) }, cancellationToken).ConfigureAwait(false)
            : await api.CallFormAsync("conversations.replies", new Dictionary<string, string>(StringComparer.Ordinal) { ["channel"] = channel, ["ts"] = threadTs }, cancellationToken).ConfigureAwait(false);
        var messages = Read(answer).ToList();
        foreach (var message in messages)
        {
            recent.Remember(channel, message);
        }

        // conversations.history is newest first; conversations.replies oldest first.
        if (threadTs is not null)
        {
            messages.Reverse();
        }

        foreach (var message in messages)
        {
            if (message.User == userId && message.FirstImage() is { } image)
            {
                return image;
            }
        }

        return null;
    }

    private static IReadOnlyList<SlackMessage> Read(JsonElement answer) =>
        answer.Deserialize(SlackJsonContext.Default.SlackMessageList)?.Messages ?? [];

    private static SlackMessage? FirstWithTs(JsonElement answer, string ts) =>
        Read(answer).FirstOrDefault(message => message.Ts == ts);
}
