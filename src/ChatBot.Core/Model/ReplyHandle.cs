namespace ChatBot.Core.Model;

/// <summary>
/// Opaque, serialisable address of the bot's reply: what the platform adapter needs to edit it later
/// (an interaction token and message id, a Slack channel and ts, a Playground reply id).
/// Only the adapter named by <see cref="Platform"/> reads <see cref="Value"/>.
/// </summary>
public sealed record ReplyHandle(string Platform, string Value)
{
    public override string ToString() => $"{Platform}:{Value}";

    public static ReplyHandle Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new FormatException("A reply handle is 'platform:value'.");
        }

        return new ReplyHandle(text[..colon], text[(colon + 1)..]);
    }
}
