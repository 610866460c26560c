using ChatBot.Core.Platform;

namespace ChatBot.Slack.Replies;

/// <summary>Where a job's reply lives: channel, the reply's ts, and the thread it sits in (if any). Serialised into the <see cref="ReplyHandle"/>.</summary>
internal sealed record SlackReplyAddress(string Channel, string Ts, string? ThreadTs = null)
{
    /// <summary>The thread results are uploaded into: the reply's own thread, or a thread under the reply.</summary>
    public string ResultThreadTs => ThreadTs ?? Ts;

    public ReplyHandle ToHandle() => new(PlatformNames.Slack, $"{Channel}|{Ts}|{ThreadTs}");

    public static SlackReplyAddress Parse(ReplyHandle handle)
    {
        var parts = handle.Value.Split('|');
        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            throw new FormatException("Not a Slack reply handle.");
        }

        return new SlackReplyAddress(parts[0], parts[1], parts[2].Length == 0 ? null : parts[2]);
    }
}
