using ChatBot.Discord.Replies;
using ChatBot.Discord.Rest.Models;

namespace ChatBot.Discord.Inbound;

/// <summary>
/// A context menu on a message with several images: the member picks one with a button
/// (<c>dx:pick:{kind}:{channel}:{message}:{index}</c>), and the action runs on the message as it is then.
/// </summary>
internal static class MessageImageChoice
{
    public const string Prefix = "dx:pick:";

    private const int MaxChoices = 25;

    /// <summary>The image attachments of a message, in order.</summary>
    public static List<DiscordAttachment> Images(DiscordMessage message) =>
        [.. (message.Attachments ?? []).Where(a => a.ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ?? DiscordAttachmentCheck.LooksLikeImage(a.Filename))];

    /// <summary>The ephemeral question: one button per image, named by its file.</summary>
    public static MessagePayload Offer(CommandKind kind, DiscordMessage target, IReadOnlyList<DiscordAttachment> images)
    {
        var buttons = images.Take(MaxChoices).Select((image, i) => new Component(Component.ButtonType)
        {
            Style = 2,
            Label = Label(i, image.Filename),
            CustomId = string.Create(CultureInfo.InvariantCulture, $"{Prefix}{kind}:{target.ChannelId}:{target.Id}:{i}"),
        });
        return DiscordMessageRenderer.Text("That message has several images. Which one?", ephemeral: true) with
        {
            Components = [.. buttons.Chunk(5).Select(row => new Component(Component.ActionRowType) { Components = row })],
        };
    }

    public static bool TryDecode(string? customId, out CommandKind kind, out string channelId, out string messageId, out int index)
    {
        (kind, channelId, messageId, index) = (default, "", "", 0);
        return customId?.StartsWith(Prefix, StringComparison.Ordinal) == true
            && customId[Prefix.Length..].Split(':') is [var k, var c, var m, var i]
            && Enum.TryParse(k, out kind)
            && int.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out index)
            && (channelId = c).Length > 0
            && (messageId = m).Length > 0;
    }

    private static string Label(int index, string fileName)
    {
        var label = string.Create(CultureInfo.InvariantCulture, $"{index + 1}. {fileName}");
        return label.Length <= 80 ? label : label[..80];
    }
}
