namespace ChatBot.Providers.Local.Video;

/// <summary>Frame extraction: the last frame of a video file, for extending a clip.</summary>
internal sealed partial class Ffmpeg
{
    /// <summary>
    /// Writes the last frame of <paramref name="videoPath"/> to <paramref name="pngPath"/>: ffmpeg decodes the final
    /// seconds and keeps overwriting one image (<c>-update 1</c>), so what remains is the last frame.
    /// </summary>
    public async Task ExtractLastFrameAsync(string videoPath, string pngPath, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.FfmpegTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var process = StartOrThrow(
            ["-hide_banner", "-loglevel", "error", "-nostats", "-sseof", "-3", "-i", videoPath, "-update", "1", "-frames:v", "1000", "-y", pngPath],
            "Extending a video");
        try
        {
            process.StandardInput.Close();
            var drain = process.StandardOutput.ReadToEndAsync(linked.Token);
            var errors = ReadTailAsync(process.StandardError, linked.Token);
            await GuardAsync(WaitAsync(process, linked.Token), timeout, cancellationToken).ConfigureAwait(false);
            await drain.ConfigureAwait(false);
            var error = await errors.ConfigureAwait(false);
            if (process.ExitCode != 0 || !File.Exists(pngPath))
            {
                LocalProviderLog.FfmpegFailed(logger, process.ExitCode, "reading a video's last frame", error);
                throw new ProviderException("video_unreadable", "I couldn't read the last frame of that video (it may be damaged or in a format ffmpeg doesn't decode).");
            }
        }
        finally
        {
            Stop(process);
        }
    }
}
