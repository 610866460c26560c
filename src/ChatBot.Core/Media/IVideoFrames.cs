namespace ChatBot.Core.Media;

/// <summary>Reads frames out of a video (ffmpeg on the bot's machine), for <c>/video --mode extend</c>.</summary>
public interface IVideoFrames
{
    /// <summary>
    /// The video's last frame as PNG bytes. Throws <see cref="Providers.ProviderException"/> with a message for the
    /// member when the video cannot be read (ffmpeg missing, not a video it decodes).
    /// </summary>
    Task<byte[]> LastFrameAsync(Stream video, CancellationToken cancellationToken);
}
