namespace ChatBot.Slack.Inbound;

/// <summary>What a member's image must be before it costs anything: an image, within <see cref="SlackOptions.MaxInputBytes"/>.</summary>
internal sealed class SlackInputLimits(IOptions<SlackOptions> options)
{
    /// <summary>The problem with <paramref name="image"/>, told to the member; null when it may be used.</summary>
    public string? Problem(MediaRef image)
    {
        var limit = options.Value.MaxInputBytes;
        if (image.DeclaredSize is { } size && size > limit)
        {
            return $"`{image.FileName}` is too large ({size / (1024 * 1024)} MB); the limit is {limit / (1024 * 1024)} MB.";
        }

        var expected = image.Role switch
        {
            MediaRole.Audio => "audio/",
            MediaRole.Video => "video/",
            _ => "image/",
        };
        return image.DeclaredContentType is { } type && !type.StartsWith(expected, StringComparison.OrdinalIgnoreCase)
            ? $"`{image.FileName}` is not {(expected == "image/" ? "an image" : expected == "audio/" ? "audio" : "a video")}."
            : null;
    }
}
