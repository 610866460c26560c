using ChatBot.Core.Replies;
using ChatBot.Discord.Rest.Models;

namespace ChatBot.Discord.Replies;

/// <summary>
/// A long answer (<c>/models</c>, <c>/help</c>) cut at line breaks into pages that fit a message, shown one at a
/// time with Previous/Next buttons. The buttons run the command again (<c>dp:{page}:{command}:{argument}</c>), so
/// they keep working after a restart and show the list as it is now.
/// </summary>
internal static class DiscordPages
{
    public const string Prefix = "dp:";

    private const int PageLength = 1900;
    private const int MaxCustomId = 100;

    /// <summary>Page <paramref name="index"/> (clamped) of the text, with its buttons when there is more than one page.</summary>
    public static MessagePayload Page(string text, int index, string command, string? argument)
    {
        var pages = TextPages.Split(text, PageLength);
        var at = Math.Clamp(index, 0, pages.Count - 1);
        if (pages.Count == 1)
        {
            return DiscordMessageRenderer.Text(pages[0], ephemeral: false);
        }

        var body = $"{pages[at]}\n-# Page {at + 1} of {pages.Count}";
        return DiscordMessageRenderer.Text(body, ephemeral: false) with
        {
            Components =
            [
                new Component(Component.ActionRowType)
                {
                    Components =
                    [
                        Button("◀ Previous", Encode(at - 1, command, argument), disabled: at == 0),
                        Button("Next ▶", Encode(at + 1, command, argument), disabled: at == pages.Count - 1),
                    ],
                },
            ],
        };
    }

    public static string Encode(int page, string command, string? argument)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"{Prefix}{page}:{command}:{argument}");
        return id.Length <= MaxCustomId ? id : id[..MaxCustomId];
    }

    public static bool TryDecode(string? customId, out int page, out string command, out string? argument)
    {
        (page, command, argument) = (0, "", null);
        if (customId?.StartsWith(Prefix, StringComparison.Ordinal) != true
            || customId[Prefix.Length..].Split(':', 3) is not [var number, var name, var rest]
            || !int.TryParse(number, NumberStyles.Integer, CultureInfo.InvariantCulture, out page))
        {
            return false;
        }

        (command, argument) = (name, rest.Length == 0 ? null : rest);
        return true;
    }

    private static Component Button(string label, string customId, bool disabled) => new(Component.ButtonType)
    {
        Style = 2,
        Label = label,
        CustomId = customId,
        Disabled = disabled,
    };
}
