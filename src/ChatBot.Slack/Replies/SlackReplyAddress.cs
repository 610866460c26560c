using ChatBot.Core.Platform;

namespace ChatBot.Slack.Replies;

/// <summary>
/// Where a job's reply lives: channel, the reply's ts, the thread it sits in (if any) and the member it answers.
/// Serialised into the <see cref="ReplyHandle"/>. A reply not posted yet has a pending key (<c>~…</c>) in place of its ts:
/// <see cref="SlackReplies"/> posts it with the job's first view, so a refused command never shows in the channel.
/// </summary>
internal sealed record SlackReplyAddress(string Channel, string Ts, string? ThreadTs = null, string? UserId = null)
{
    private const char PendingMark = '~';

    /// <summary>True while the reply has not been posted: <see cref="Ts"/> is a key, not a message ts.</summary>
    public bool IsPending => Ts.StartsWith(PendingMark);

    /// <summary>The thread results are uploaded into: the reply's own thread, or a thread under the reply.</summary>
    public string ResultThreadTs => ThreadTs ?? Ts;

    public ReplyHandle ToHandle() => new(PlatformNames.Slack, $"{Channel}|{Ts}|{ThreadTs}|{UserId}");

    /// <summary>A reply to be posted in <paramref name="channel"/> (and thread) when the engine shows its first view.</summary>
    public static SlackReplyAddress Pending(string channel, string? threadTs, string userId) =>
        new(channel, PendingMark + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), threadTs, userId.Length == 0 ? null : userId);

    public static SlackReplyAddress Parse(ReplyHandle handle)
    {
        // Three parts in handles written before the member's id was kept.
        var parts = handle.Value.Split('|');
        if (parts.Length is not (3 or 4) || parts[0].Length == 0 || parts[1].Length == 0)
        {
            throw new FormatException("Not a Slack reply handle.");
        }

        return new SlackReplyAddress(parts[0], parts[1], NullIfEmpty(parts[2]), parts.Length == 4 ? NullIfEmpty(parts[3]) : null);
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
