namespace ChatBot.Slack.Inbound;

/// <summary>
/// What Slack escapes on each inbound path. Slack's formatting guide: text Slack sends an app (slash command
/// <c>text</c>, message events, a shortcut's <c>message.text</c>) has <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> escaped
/// as <c>&amp;amp;</c>, <c>&amp;lt;</c>, <c>&amp;gt;</c>; modal (<c>view_submission</c>) values arrive as typed.
/// The bot reads text from two of these paths: slash commands (unescaped here, once) and modals (used as they are).
/// Everything goes out escaped once by <see cref="Blocks.SlackBlocks.Escape"/>.
/// </summary>
internal static class SlackInboundText
{
    /// <summary>Slash command text as the member typed it. Mentions picked in the client (<c>&lt;@U5|bob&gt;</c>) stay entities.</summary>
    public static string FromSlashCommand(string? text) => Unescape(text ?? "");

    private static string Unescape(string text) =>
        text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);
}
