using ChatBot.Providers.Local.Imaging;

namespace ChatBot.Providers.Local.Video;

/// <summary>
/// Runs Debian's ffmpeg as a child process to encode MP4s (images are decoded by SkiaSharp). Arguments go through <see cref="ProcessStartInfo.ArgumentList"/> (no shell); a missing
/// ffmpeg becomes a clear <see cref="ProviderException"/>, never a crash.
/// </summary>
internal sealed partial class Ffmpeg(LocalProviderOptions options, TimeProvider timeProvider, ILogger logger)
{
    public const string MissingCode = "ffmpeg_missing";
    private const int ErrorTailChars = 2000;
    private volatile bool knownAvailable;

    /// <summary>The error members see when ffmpeg is absent: "<paramref name="needs"/> needs ffmpeg, …".</summary>
    public static ProviderException Missing(string needs, Exception? inner = null) =>
        new(MissingCode, $"{needs} needs ffmpeg, which is not installed on the bot's machine.", retryable: false, inner);

    /// <summary>True when ffmpeg starts and answers <c>-version</c>. A success is remembered; a failure is checked again next time.</summary>
    public async Task<bool> IsAvailableAsync(CancellationToken cancellationToken)
    {
        if (knownAvailable)
        {
            return true;
        }

        Process process;
        try
        {
            process = Start(["-hide_banner", "-version"], redirectInput: false);
        }
        catch (Win32Exception e)
        {
            LocalProviderLog.FfmpegMissing(logger, options.FfmpegPath, e);
            return false;
        }

        using (process)
        {
            var drain = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await Task.WhenAll(drain, errors).ConfigureAwait(false);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            knownAvailable = process.ExitCode == 0;
            return knownAvailable;
        }
    }

    /// <summary>
    /// Encodes <paramref name="frame"/> (raw RGBA) into an MP4 at <paramref name="outputPath"/> with
    /// the given video filter, yielding the number of frames written as ffmpeg reports them.
    /// </summary>
    public async IAsyncEnumerable<int> EncodeVideoAsync(
        RgbaImage frame,
        string videoFilter,
        int frames,
        int fps,
        string outputPath,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.FfmpegTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var token = linked.Token;
        var fpsText = fps.ToString(CultureInfo.InvariantCulture);
        using var process = StartOrThrow(
            [
                "-hide_banner", "-loglevel", "error", "-nostats",
                "-f", "rawvideo", "-pix_fmt", "rgba", "-s", $"{frame.Width}x{frame.Height}", "-framerate", fpsText, "-i", "pipe:0",
                "-vf", videoFilter,
                "-frames:v", frames.ToString(CultureInfo.InvariantCulture), "-r", fpsText,
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p", "-movflags", "+faststart",
                "-fs", options.MaxVideoBytes.ToString(CultureInfo.InvariantCulture),
                "-progress", "pipe:1", "-y", outputPath,
            ],
            "Video");
        try
        {
            var errors = ReadTailAsync(process.StandardError, token);
            var writer = WriteInputAsync(process, frame.Pixels, token);
            var lastFrame = 0;
            while (await GuardAsync(process.StandardOutput.ReadLineAsync(token).AsTask(), timeout, cancellationToken).ConfigureAwait(false) is { } line)
            {
                if (line.StartsWith("frame=", StringComparison.Ordinal)
                    && int.TryParse(line.AsSpan(6), NumberStyles.Integer, CultureInfo.InvariantCulture, out var frameNumber))
                {
                    lastFrame = frameNumber;
                }
                else if (line.StartsWith("progress=", StringComparison.Ordinal))
                {
                    yield return lastFrame;
                }
            }

            await writer.ConfigureAwait(false);
            await GuardAsync(WaitAsync(process, token), timeout, cancellationToken).ConfigureAwait(false);
            var error = await errors.ConfigureAwait(false);

            // ffmpeg stops at -fs and exits normally with a cut-short file: refuse it rather than post half a video.
            if (new FileInfo(outputPath) is { Exists: true } written && written.Length >= options.MaxVideoBytes)
            {
                throw new ProviderException("video_too_large", $"The video came out larger than the {LocalOutputs.Megabytes(options.MaxVideoBytes)} the local provider makes, so it was stopped.");
            }

            if (process.ExitCode != 0)
            {
                LocalProviderLog.FfmpegFailed(logger, process.ExitCode, "encoding a video", error);
                throw new ProviderException("video_failed", "ffmpeg could not make the video.", retryable: true);
            }
        }
        finally
        {
            Stop(process);
        }
    }

    private static async Task<T> GuardAsync<T>(Task<T> task, CancellationTokenSource timeout, CancellationToken callerToken)
    {
        try
        {
            return await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !callerToken.IsCancellationRequested)
        {
            throw new ProviderException("ffmpeg_timeout", "ffmpeg took too long and was stopped.", retryable: true);
        }
    }

    private static async Task<bool> WaitAsync(Process process, CancellationToken cancellationToken)
    {
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private Process StartOrThrow(IReadOnlyList<string> arguments, string needs)
    {
        try
        {
            var process = Start(arguments, redirectInput: true);
            knownAvailable = true;
            return process;
        }
        catch (Win32Exception e)
        {
            knownAvailable = false;
            LocalProviderLog.FfmpegMissing(logger, options.FfmpegPath, e);
            throw Missing(needs, e);
        }
    }

    private Process Start(IReadOnlyList<string> arguments, bool redirectInput)
    {
        var start = new ProcessStartInfo(options.FfmpegPath)
        {
            RedirectStandardInput = redirectInput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new Win32Exception("ffmpeg did not start.");
    }

    private static async Task WriteInputAsync(Process process, byte[] data, CancellationToken cancellationToken)
    {
        try
        {
            await process.StandardInput.BaseStream.WriteAsync(data, cancellationToken).ConfigureAwait(false);
            await process.StandardInput.BaseStream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // ffmpeg stopped reading (it failed, had enough, or is being stopped); its exit code tells the story.
        }
        finally
        {
            try
            {
                process.StandardInput.Close();
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
            {
                // Closing a pipe ffmpeg already closed.
            }
        }
    }

    private static async Task<string> ReadTailAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        var tail = new StringBuilder();
        try
        {
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                tail.AppendLine(line);
                if (tail.Length > ErrorTailChars)
                {
                    tail.Remove(0, tail.Length - ErrorTailChars);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The caller is stopping ffmpeg; what was read so far is enough.
        }

        return tail.ToString().Trim();
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
    }
}
