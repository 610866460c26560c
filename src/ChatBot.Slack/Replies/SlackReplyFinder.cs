using ChatBot.Slack.WebApi;

namespace ChatBot.Slack.Replies;

/// <summary>
/// Finds a reply posted by an earlier run of the bot (before a restart), whose ts only Slack still knows: every
/// reply carries its pending key in the message metadata, read back with <c>include_all_metadata</c>. One history
/// call per recovered reply; replies this process posted never need it.
/// </summary>
internal sealed class SlackReplyFinder(SlackApiClient api)
{
    public const string MetadataType = "chatbot_reply";

    /// <summary>How many recent messages of the channel (or thread) are searched.</summary>
    private const int SearchLimit = 100;

    /// <summary>The ts of the bot's message posted for <paramref name="address"/>, or null when there is none.</summary>
    public async Task<string?> FindAsync(SlackReplyAddress address, CancellationToken cancellationToken)
    {
        var args = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["channel"] = address.Channel,
            ["include_all_metadata"] = "true",
            ["limit"] = SearchLimit.ToString(CultureInfo.InvariantCulture),
        };
        if (address.ThreadTs is not null)
        {
            args["ts"] = address.ThreadTs;
        }

        JsonElement answer;
        try
        {
            answer = await api.CallFormAsync(address.ThreadTs is null ? "conversations.history" : "conversations.replies", args, cancellationToken).ConfigureAwait(false);
        }
        catch (SlackApiException ex) when (!ex.IsRateLimited)
        {
            return null; // cannot search: a new reply is posted instead
        }

        if (!answer.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var message in messages.EnumerateArray())
        {
            if (message.TryGetProperty("metadata", out var metadata)
                && metadata.TryGetProperty("event_type", out var type) && type.GetString() == MetadataType
                && metadata.TryGetProperty("event_payload", out var payload)
                && payload.TryGetProperty("reply", out var key) && key.GetString() == address.Ts
                && message.TryGetProperty("ts", out var ts))
            {
                return ts.GetString();
            }
        }

        return null;
    }
}
