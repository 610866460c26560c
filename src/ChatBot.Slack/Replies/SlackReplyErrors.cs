namespace ChatBot.Slack.Replies;

/// <summary>What a member is told when Slack would not take the bot's reply: each documented error of chat.postMessage and chat.update once.</summary>
internal static class SlackReplyErrors
{
    /// <summary>A sentence for the member, without the error code (that goes to the log).</summary>
    public static string Explain(string error) => error switch
    {
        "not_in_channel" or "channel_not_found" =>
            "I can't post in this channel yet. Add me with `/invite @ChatBot` (or from the channel details), then try again.",
        "is_archived" => "This channel is archived, so I can't post in it.",
        _ when error.StartsWith("restricted_action", StringComparison.Ordinal) =>
            "This workspace doesn't let me post here (an admin limits who can post in this channel).",
        "msg_too_long" => "My reply was too long for Slack.",
        "ratelimited" or "service_unavailable" or "fatal_error" or "internal_error" or "request_timeout" =>
            "Slack is busy and didn't take my reply. Please try again in a minute.",
        _ when error.StartsWith("http_5", StringComparison.Ordinal) =>
            "Slack is busy and didn't take my reply. Please try again in a minute.",
        _ => "Slack didn't accept my reply here.",
    };
}
