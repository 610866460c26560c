using ChatBot.Discord.Media;
using ChatBot.Discord.Rest.Models;

namespace ChatBot.Discord.Inbound;

/// <summary>Checks an attachment before any credit is reserved: Discord's CDN only, an image or video, within the size cap.</summary>
internal static class DiscordAttachmentCheck
{
    public static (MediaRef? Media, string? Refusal) Check(DiscordAttachment attachment, MediaRole role, DiscordOptions settings)
    {
        if (!DiscordPlatformMedia.IsAllowed(attachment.Url, settings.EffectiveCdnHosts, out _))
        {
            return (null, "That file is not on Discord's CDN, so I can't use it.");
        }

        if (attachment.Size > settings.MaxInputBytes)
        {
            return (null, $"{attachment.Filename} is {Megabytes(attachment.Size)} — the limit is {Megabytes(settings.MaxInputBytes)}.");
        }

        var type = attachment.ContentType;
        var acceptable = type is null
            ? LooksLikeImage(attachment.Filename) || attachment.Filename.EndsWith(".mp4", StringComparison.OrdinalIgnoreCase)
            : type.StartsWith("image/", StringComparison.OrdinalIgnoreCase) || type.StartsWith("video/", StringComparison.OrdinalIgnoreCase)
              || (role == MediaRole.Audio && type.StartsWith("audio/", StringComparison.OrdinalIgnoreCase));
        if (!acceptable)
        {
            return (null, $"{attachment.Filename} is not an image. Please attach a PNG, JPEG, WebP or GIF.");
        }

        return (new MediaRef(attachment.Url, attachment.Filename, type, attachment.Size, RequiresBotToken: false, role), null);
    }

    /// <summary>Judged by the file name, for attachments without a declared content type.</summary>
    public static bool LooksLikeImage(string name) =>
        name.EndsWith(".png", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".webp", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".gif", StringComparison.OrdinalIgnoreCase);

    private static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("0.#", CultureInfo.InvariantCulture) + " MB";
}
