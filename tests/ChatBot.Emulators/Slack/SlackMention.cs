namespace ChatBot.Emulators.Slack;

/// <summary>
/// A mention Slack would act on in something the bot sent: <c>&lt;!channel&gt;</c>, <c>&lt;!here&gt;</c>,
/// <c>&lt;!everyone&gt;</c>, <c>&lt;@U…&gt;</c>, <c>&lt;#C…&gt;</c>, <c>&lt;!subteam^S…&gt;</c>. Escaped text
/// (<c>&amp;lt;!channel&amp;gt;</c>) is shown as typed and mentions no one.
/// </summary>
/// <param name="Method">The call that carried it (chat.postMessage, chat.update, chat.postEphemeral, response_url).</param>
/// <param name="Field">"text" (the notification and fallback text) or "blocks".</param>
public sealed record SlackMention(long Sequence, string Method, string Field, string Token);
