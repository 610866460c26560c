using ChatBot.Slack.Inbound.Payloads;

namespace ChatBot.Slack.Inbound;

/// <summary>
/// What each file of a member's message is for, when a slash command (which cannot carry files) uses them: audio
/// is the audio, a video the video, the first image the image; a later image is the mask (named "mask…", or with
/// <c>--mode inpaint</c>), the end frame (for <c>/video</c>) or a reference. The message shortcut lets the member
/// choose instead, in the Edit modal.
/// </summary>
internal static class SlackFileRoles
{
    /// <summary>The files of <paramref name="message"/> with the roles they have by default for the command.</summary>
    public static List<MediaRef> Inputs(SlackMessage message, CommandKind kind, string? mode)
    {
        var inputs = new List<MediaRef>();
        var files = Usable(message).ToList();
        var images = 0;
        foreach (var file in files)
        {
            var role = KindOf(file) switch
            {
                "audio" => MediaRole.Audio,
                "video" => MediaRole.Video,
                _ => ImageRole(file, images++, kind, mode, inputs),
            };
            if (kind == CommandKind.Upscale && role != MediaRole.Image)
            {
                continue; // an upscale reads one image
            }

            inputs.Add(ToRef(file, role));
        }

        return inputs;
    }

    /// <summary>The files a command can read: images, audio and video with a private URL.</summary>
    public static IEnumerable<SlackFile> Usable(SlackMessage message) =>
        (message.Files ?? []).Where(f => f.UrlPrivate is not null && KindOf(f) is not null);

    public static MediaRef ToRef(SlackFile file, MediaRole role) =>
        new(file.UrlPrivate!, file.Name ?? "file", file.Mimetype, file.Size, RequiresBotToken: true, role);

    /// <summary>"image", "audio", "video", or null for a file no command reads.</summary>
    public static string? KindOf(SlackFile file) => file.Mimetype?.Split('/')[0].ToLowerInvariant() switch
    {
        "image" => "image",
        "audio" => "audio",
        "video" => "video",
        _ => null,
    };

    private static MediaRole ImageRole(SlackFile file, int index, CommandKind kind, string? mode, List<MediaRef> so)
    {
        if (index == 0)
        {
            return MediaRole.Image;
        }

        var named = file.Name?.Contains("mask", StringComparison.OrdinalIgnoreCase) == true;
        return kind switch
        {
            CommandKind.Edit when (named || mode is "inpaint") && !so.Any(i => i.Role == MediaRole.Mask) => MediaRole.Mask,
            CommandKind.Video or CommandKind.Animate when !so.Any(i => i.Role == MediaRole.LastFrame) => MediaRole.LastFrame,
            _ => MediaRole.Reference,
        };
    }
}
