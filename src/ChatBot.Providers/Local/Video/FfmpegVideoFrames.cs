using ChatBot.Core.Media;

namespace ChatBot.Providers.Local.Video;

/// <summary>
/// <see cref="IVideoFrames"/> with the machine's ffmpeg (the one the local provider encodes with): the video is
/// written to a private temporary folder and its last frame read back as a PNG.
/// </summary>
internal sealed class FfmpegVideoFrames(IOptions<LocalProviderOptions> options, TimeProvider time, ILogger<FfmpegVideoFrames> logger) : IVideoFrames
{
    private readonly Ffmpeg _ffmpeg = new(options.Value, time, logger);

    public async Task<byte[]> LastFrameAsync(Stream video, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(video);
        var folder = Directory.CreateTempSubdirectory("chatbot-frames-");
        try
        {
            var videoPath = Path.Combine(folder.FullName, "video");
            var pngPath = Path.Combine(folder.FullName, "last.png");
            var file = File.Create(videoPath);
            await using (file.ConfigureAwait(false))
            {
                await video.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            }

            await _ffmpeg.ExtractLastFrameAsync(videoPath, pngPath, cancellationToken).ConfigureAwait(false);
            return await File.ReadAllBytesAsync(pngPath, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
