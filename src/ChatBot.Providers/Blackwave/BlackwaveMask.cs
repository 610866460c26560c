using ChatBot.Core.Media;

namespace ChatBot.Providers.Blackwave;

/// <summary>
/// Blackwave wants the inpainting mask as a black-and-white JPEG of exactly the image's size, white = edit.
/// The bot's own masks are PNGs where transparent = edit (AetherWave's convention); a mask without an alpha
/// channel is taken as already black-and-white with white = edit. Conversion runs ffmpeg.
/// </summary>
internal static class BlackwaveMask
{
    private static readonly string Unfit = "Blackwave needs the mask as a black-and-white image the size of the picture (white = change).";

    public static async Task<byte[]> PrepareAsync(byte[] mask, int width, int height, string ffmpegPath, CancellationToken cancellationToken)
    {
        var sniff = MediaSniffer.Sniff(mask) ?? throw new ProviderException("invalid_mask", Unfit);
        if (sniff.ContentType == "image/jpeg" && sniff.Width == width && sniff.Height == height)
        {
            return mask;
        }

        if (sniff.Kind != MediaKind.Image)
        {
            throw new ProviderException("invalid_mask", Unfit);
        }

        var hasAlpha = sniff.ContentType switch
        {
            "image/png" => mask.Length > 25 && mask[25] is 4 or 6,
            "image/webp" or "image/gif" => true,
            _ => false,
        };
        var filter = hasAlpha
            ? $"format=rgba,alphaextract,negate,scale={width}:{height}:flags=neighbor,format=gray"
            : $"format=gray,scale={width}:{height}:flags=neighbor";
        return await RunFfmpegAsync(ffmpegPath, mask, filter, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<byte[]> RunFfmpegAsync(string ffmpegPath, byte[] input, string filter, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(ffmpegPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-hide_banner", "-loglevel", "error", "-i", "pipe:0", "-vf", filter, "-frames:v", "1", "-q:v", "2", "-f", "image2pipe", "-c:v", "mjpeg", "pipe:1" })
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new ProviderException("invalid_mask", Unfit);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ProviderException("invalid_mask", Unfit + " (The bot could not convert it: ffmpeg is not installed.)", retryable: false, e);
        }

        using (process)
        {
            var output = new MemoryStream();
            var reading = process.StandardOutput.BaseStream.CopyToAsync(output, cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.StandardInput.BaseStream.WriteAsync(input, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException)
            {
                // ffmpeg stopped reading (bad input): its exit code says so below.
            }
            finally
            {
                process.StandardInput.Close();
            }

            await reading.ConfigureAwait(false);
            await errors.ConfigureAwait(false);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            var bytes = output.ToArray();
            if (process.ExitCode != 0 || MediaSniffer.Sniff(bytes)?.ContentType != "image/jpeg")
            {
                throw new ProviderException("invalid_mask", Unfit + " (The bot could not convert this mask: exit " + process.ExitCode.ToString(CultureInfo.InvariantCulture) + ".)");
            }

            return bytes;
        }
    }
}
