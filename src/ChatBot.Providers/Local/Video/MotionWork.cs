using ChatBot.Providers.Local.Imaging;
using ChatBot.Providers.Local.Rendering;

namespace ChatBot.Providers.Local.Video;

/// <summary>
/// /video and Animate: a slow zoom and pan over the input picture (or a picture rendered from the
/// prompt), encoded by ffmpeg as an H.264 MP4 that plays in every chat client.
/// </summary>
internal sealed class MotionWork(ImageLoader loader, Ffmpeg ffmpeg, LocalPacer pacer, LocalProviderOptions settings)
{
    public const int DefaultSeconds = 3;
    public const int MaxSeconds = 10;
    private const int Fps = 24;
    private const long VideoPixels = 1280 * 720;
    private const float Zoom = 0.18f;

    public async IAsyncEnumerable<ProviderUpdate> RunAsync(MediaRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!await ffmpeg.IsAvailableAsync(cancellationToken).ConfigureAwait(false))
        {
            throw Ffmpeg.Missing("Video");
        }

        var options = request.Options;
        var seed = LocalOutputs.SeedFor(request.JobId, options.Seed);
        var seconds = Math.Clamp(options.DurationSeconds ?? DefaultSeconds, 1, MaxSeconds);
        var hasRatio = AspectRatio.TryParse(options.AspectRatio, out var ratio);
        var input = request.FirstInput(MediaRole.Image) ?? request.FirstInput(MediaRole.Reference);

        // Rendering a frame takes the first 30% of the bar, encoding the rest.
        var encodeStart = input is null ? 30.0 : 5.0;
        RgbaImage picture;
        if (input is null)
        {
            if (!hasRatio)
            {
                ratio = 16.0 / 9.0;
            }

            var (width, height) = AspectRatio.Fit(ratio, settings.ImagePixels, 8);
            var renderer = ProceduralRenderer.Create(options.Prompt ?? "", seed, width, height);
            for (var pass = 0; pass < ProceduralRenderer.PassCount; pass++)
            {
                renderer.RunPass(pass, cancellationToken);
                var preview = LocalOutputs.Png("preview.png", renderer.Preview(LocalOutputs.PreviewSide), cancellationToken);
                yield return new ProviderUpdate.Running(encodeStart * (pass + 1) / ProceduralRenderer.PassCount, $"Painting the first frame: {ProceduralRenderer.PassNames[pass]}", preview);
                await pacer.PauseAsync(cancellationToken).ConfigureAwait(false);
            }

            picture = renderer.ToImage();
        }
        else
        {
            yield return new ProviderUpdate.Running(0, "Reading the image");
            picture = await loader.LoadAsync(input, cancellationToken).ConfigureAwait(false);
            if (!hasRatio)
            {
                ratio = (double)picture.Width / picture.Height;
            }

            picture = CropToRatio(picture, ratio);
        }

        var (videoWidth, videoHeight) = AspectRatio.Fit(ratio, VideoPixels, 16);
        if (picture.PixelCount > 4 * VideoPixels)
        {
            // ffmpeg works at twice the video size anyway; shrinking here keeps the pipe small.
            picture = ImageScaler.Resize(picture, videoWidth * 2, videoHeight * 2, cancellationToken);
        }

        var frames = seconds * Fps;
        var filter = Filter(seed, videoWidth, videoHeight, frames);
        var path = Path.Combine(Path.GetTempPath(), $"chatbot-local-{Guid.NewGuid():N}.mp4");
        try
        {
            yield return new ProviderUpdate.Running(encodeStart, "Animating");
            var lastPercent = encodeStart;
            await foreach (var frame in ffmpeg.EncodeVideoAsync(picture, filter, frames, Fps, path, cancellationToken).ConfigureAwait(false))
            {
                var percent = Math.Round(encodeStart + (95 - encodeStart) * Math.Min(frame, frames) / frames, 1);
                if (percent > lastPercent)
                {
                    lastPercent = percent;
                    yield return new ProviderUpdate.Running(percent, $"Animating: frame {frame} of {frames}");
                }
            }

            var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            var output = MediaOutput.FromBytes("motion.mp4", "video/mp4", bytes);
            yield return new ProviderUpdate.Succeeded([output], Note: $"{videoWidth}×{videoHeight}, {seconds} s");
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// Upscale first (zoompan rounds its crop to whole pixels, so working at twice the size keeps the
    /// motion smooth), then zoom from 1× to 1.18× towards a seed-chosen point.
    /// </summary>
    private static string Filter(long seed, int width, int height, int frames)
    {
        var rng = new SplitMix((ulong)seed ^ 0x4D4F54494F4EUL);
        var focusX = rng.Range(0.3f, 0.7f);
        var focusY = rng.Range(0.3f, 0.7f);
        var c = CultureInfo.InvariantCulture;
        return string.Create(
            c,
            $"scale={width * 2}:{height * 2}:flags=bicubic,zoompan=z='1+{Zoom}*on/{frames}':x='(iw-iw/zoom)*{focusX:0.###}':y='(ih-ih/zoom)*{focusY:0.###}':d={frames}:s={width}x{height}:fps={Fps},format=yuv420p");
    }

    private static RgbaImage CropToRatio(RgbaImage picture, double ratio)
    {
        var current = (double)picture.Width / picture.Height;
        if (Math.Abs(current - ratio) < 0.01)
        {
            return picture;
        }

        if (current > ratio)
        {
            var width = Math.Max(1, (int)(picture.Height * ratio));
            return picture.Crop((picture.Width - width) / 2, 0, width, picture.Height);
        }

        var height = Math.Max(1, (int)(picture.Width / ratio));
        return picture.Crop(0, (picture.Height - height) / 2, picture.Width, height);
    }
}
