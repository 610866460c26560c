using ChatBot.Core.Media;
using ChatBot.Core.Platform;
using ChatBot.Core.Providers;

namespace ChatBot.Core.Commands.Handlers;

/// <summary>
/// <c>/video &lt;prompt&gt; --mode extend</c> with a video (and the Extend button under a video result): as AetherWave's
/// video document describes ("capture the last frame of a generated video, then use it as imageUrl for the next
/// generation"), the video's last frame becomes the first frame of an image-to-video job, so any model that animates
/// an image continues the clip. Done before routing, so the job is priced and routed as the I2V job it is.
/// </summary>
internal sealed class VideoExtension(MediaIntake intake, IMediaStore store, IVideoFrames? frames = null)
{
    public const string Mode = "extend";

    public static bool Applies(CommandKind kind, CommandOptions options) =>
        kind is CommandKind.Video or CommandKind.Animate && string.Equals(options.Mode, Mode, StringComparison.OrdinalIgnoreCase);

    /// <summary>The inputs with the video replaced by its last frame, or (with null inputs) why the video cannot be extended.</summary>
    public async Task<(IReadOnlyList<MediaRef>? Inputs, string? Refusal)> ReplaceAsync(string platform, IReadOnlyList<MediaRef> inputs, CancellationToken cancellationToken)
    {
        var video = inputs.FirstOrDefault(i => i.Role == MediaRole.Video) ?? inputs.FirstOrDefault(i => i.Role == MediaRole.Image);
        if (video is null)
        {
            return (null, "Attach the video to extend (MP4 or WebM), or use the Extend button under a video result.");
        }

        if (frames is null)
        {
            return (null, "Extending a video needs ffmpeg on the bot's machine, which is not set up here.");
        }

        var ingested = await intake.IngestAsync(platform, video, MediaKind.Video, cancellationToken).ConfigureAwait(false);
        if (ingested is IntakeResult.Rejected rejected)
        {
            return (null, rejected.Message);
        }

        StoredMedia frame;
        try
        {
            var stored = ((IntakeResult.Accepted)ingested).Media;
            var bytes = await store.OpenReadAsync(stored.Key, cancellationToken).ConfigureAwait(false)
                ?? throw new ProviderException("input_missing", "That video is no longer available. Please attach it again.");
            byte[] png;
            await using (bytes.ConfigureAwait(false))
            {
                png = await frames.LastFrameAsync(bytes, cancellationToken).ConfigureAwait(false);
            }

            // The frame is checked and stored like any other image the bot keeps.
            frame = await intake.StoreResultAsync(new MemoryStream(png, writable: false), "last-frame.png", null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ProviderException or MediaRejectedException)
        {
            return (null, ex.Message);
        }

        return ([MediaRef.FromStore(frame.Key, "last-frame.png"), .. inputs.Where(i => !ReferenceEquals(i, video))], null);
    }
}
