using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChatBot.Emulators.Slack;

public sealed partial class SlackEmulator
{
    private readonly List<SlackMention> _mentions = [];

    /// <summary>
    /// Every mention in what the bot sent. Slack's formatting guide: the top-level <c>text</c> is the notification
    /// (a <c>&lt;!channel&gt;</c> in it notifies the whole channel), and mrkdwn in blocks renders mentions too;
    /// only <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> escaped as entities keep user text from becoming one.
    /// </summary>
    public IReadOnlyList<SlackMention> Mentions => Snapshot(_mentions);

    [GeneratedRegex(@"<(?:!(?:channel|here|everyone|subteam\^[A-Z0-9]+)|@[UWB][A-Z0-9]+|#C[A-Z0-9]+)(?:\|[^>]*)?>", RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();

    [GeneratedRegex(@"<(?:[@#!][^<>\s]*|https?://[^<>\s]*)>", RegexOptions.CultureInvariant)]
    private static partial Regex EntityPattern();

    /// <summary>
    /// Text as Slack delivers what a member typed in a message, a slash command (with "Escape channels, users, and
    /// links" on) or a shortcut's message: <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> escaped, except the entities the
    /// client made from the member's picks (<c>&lt;@U5|bob&gt;</c>, <c>&lt;#C1|general&gt;</c>, links), which arrive
    /// as entities. Modal (view_submission) values are the exception: they arrive exactly as typed.
    /// </summary>
    public static string AsDelivered(string typed)
    {
        var delivered = new System.Text.StringBuilder();
        var at = 0;
        foreach (Match entity in EntityPattern().Matches(typed))
        {
            delivered.Append(EscapeText(typed[at..entity.Index])).Append(entity.Value);
            at = entity.Index + entity.Length;
        }

        return delivered.Append(EscapeText(typed[at..])).ToString();
    }

    private static string EscapeText(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Records the mentions in a message's text and mrkdwn blocks. Caller holds the lock.</summary>
    private void RecordMentions(string method, string text, JsonArray? blocks)
    {
        foreach (Match match in MentionPattern().Matches(text))
        {
            _mentions.Add(new SlackMention(NextSequence(), method, "text", match.Value));
        }

        if (blocks is null)
        {
            return;
        }

        foreach (var node in Descendants(blocks))
        {
            if (node is JsonObject { } obj && Text(obj, "type") == "mrkdwn")
            {
                foreach (Match match in MentionPattern().Matches(Text(obj, "text")))
                {
                    _mentions.Add(new SlackMention(NextSequence(), method, "blocks", match.Value));
                }
            }
        }
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }
}
