namespace ChatBot.Providers.Local.Imaging;

/// <summary>
/// /edit with an aspect ratio, or with margins in pixels (<c>--left --right --up --down</c>: Zoom Out and Pan): reframes
/// the picture by extending it from its own edges.
/// </summary>
internal sealed class ReframeWork(ImageLoader loader, LocalPacer pacer, LocalProviderOptions options)
{
    /// <summary>The ratio to reframe to, or a clear refusal when none (or a bad one) was given.</summary>
    public static double RatioOf(CommandOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.AspectRatio))
        {
            throw new ProviderException("aspect_required", "The local model can only reframe a picture to another aspect ratio: say which one, for example --ar 16:9.");
        }

        return AspectRatio.TryParse(options.AspectRatio, out var ratio)
            ? ratio
            : throw new ProviderException("bad_aspect", $"\"{options.AspectRatio}\" is not an aspect ratio I understand; use a form like 16:9.");
    }

    /// <summary>The margins in pixels when any was given (Zoom Out, Pan); null: reframe to an aspect ratio.</summary>
    public static (int Left, int Right, int Up, int Down)? MarginsOf(CommandOptions options)
    {
        int Side(string name) => options.Integer(name) is { } n ? n >= 0 ? n : throw new ProviderException("bad_margin", $"--{name} is a number of pixels, 0 or more.") : 0;
        var margins = (Side("left"), Side("right"), Side("up"), Side("down"));
        return margins == (0, 0, 0, 0) ? null : margins;
    }

    /// <summary>Refuses a reframe (to the options' aspect ratio, or by their margins) that would exceed the pixel cap.</summary>
    public static void Check(int width, int height, CommandOptions options, long maxPixels)
    {
        if (MarginsOf(options) is { } m)
        {
            Refuse(width, height, width + m.Left + m.Right, height + m.Up + m.Down, maxPixels);
            return;
        }

        Check(width, height, RatioOf(options), maxPixels);
    }

    public static void Check(int width, int height, double ratio, long maxPixels)
    {
        var (w, h) = Reframer.TargetSize(width, height, ratio);
        Refuse(width, height, w, h, maxPixels);
    }

    private static void Refuse(int width, int height, int w, int h, long maxPixels)
    {
        if ((long)w * h > maxPixels)
        {
            throw new ProviderException("too_large", $"Reframing {width}×{height} would make a {w}×{h} picture; the local provider stops at {LocalOutputs.Megapixels(maxPixels)} megapixels.");
        }
    }

    public async IAsyncEnumerable<ProviderUpdate> RunAsync(MediaRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var margins = MarginsOf(request.Options);
        var ratio = margins is null ? RatioOf(request.Options) : 0;
        var input = request.FirstInput(MediaRole.Image) ?? throw new ProviderException("image_required", "Reframe needs an image.");

        yield return new ProviderUpdate.Running(0, "Reading the image");
        var image = await loader.LoadAsync(input, cancellationToken).ConfigureAwait(false);
        Check(image.Width, image.Height, request.Options, options.MaxPixels);

        var reframer = margins is { } m ? new Reframer(image, m) : new Reframer(image, ratio);
        reframer.Mirror(cancellationToken);
        yield return LocalOutputs.Step(1, 3, "Extending the edges", LocalOutputs.Preview(reframer.Output, cancellationToken));
        await pacer.PauseAsync(cancellationToken).ConfigureAwait(false);

        reframer.Blur(cancellationToken);
        yield return LocalOutputs.Step(2, 3, "Softening the new margins", LocalOutputs.Preview(reframer.Output, cancellationToken));

        var name = margins is null ? $"reframed-{AspectRatio.Label(request.Options.AspectRatio!)}.png" : $"extended-{reframer.Output.Width}x{reframer.Output.Height}.png";
        var output = LocalOutputs.Png(name, reframer.Output, cancellationToken);
        yield return new ProviderUpdate.Succeeded([output], Note: $"{image.Width}×{image.Height} → {reframer.Output.Width}×{reframer.Output.Height}");
    }
}
