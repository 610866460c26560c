namespace ChatBot.Providers.Local.Imaging;

/// <summary>/edit with an aspect ratio: reframes the picture by extending it from its own edges.</summary>
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

    public static void Check(int width, int height, double ratio, long maxPixels)
    {
        var (w, h) = Reframer.TargetSize(width, height, ratio);
        if ((long)w * h > maxPixels)
        {
            throw new ProviderException("too_large", $"Reframing {width}×{height} would make a {w}×{h} picture; the local provider stops at {LocalOutputs.Megapixels(maxPixels)} megapixels.");
        }
    }

    public async IAsyncEnumerable<ProviderUpdate> RunAsync(MediaRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ratio = RatioOf(request.Options);
        var input = request.FirstInput(MediaRole.Image) ?? throw new ProviderException("image_required", "Reframe needs an image.");

        yield return new ProviderUpdate.Running(0, "Reading the image");
        var image = await loader.LoadAsync(input, cancellationToken).ConfigureAwait(false);
        Check(image.Width, image.Height, ratio, options.MaxPixels);

        var reframer = new Reframer(image, ratio);
        reframer.Mirror(cancellationToken);
        yield return LocalOutputs.Step(1, 3, "Extending the edges", LocalOutputs.Preview(reframer.Output, cancellationToken));
        await pacer.PauseAsync(cancellationToken).ConfigureAwait(false);

        reframer.Blur(cancellationToken);
        yield return LocalOutputs.Step(2, 3, "Softening the new margins", LocalOutputs.Preview(reframer.Output, cancellationToken));

        var name = $"reframed-{AspectRatio.Label(request.Options.AspectRatio!)}.png";
        var output = LocalOutputs.Png(name, reframer.Output, cancellationToken);
        yield return new ProviderUpdate.Succeeded([output], Note: $"{image.Width}×{image.Height} → {reframer.Output.Width}×{reframer.Output.Height}");
    }
}
