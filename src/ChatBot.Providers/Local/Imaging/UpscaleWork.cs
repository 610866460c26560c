namespace ChatBot.Providers.Local.Imaging;

/// <summary>/upscale: a real 2× or 4× bicubic resampling of the input picture (SkiaSharp, in four bands for progress).</summary>
internal sealed class UpscaleWork(ImageLoader loader, LocalPacer pacer, LocalProviderOptions options)
{
    private const int Bands = 4;

    public static int FactorOf(CommandOptions options) => options.UpscaleFactor ?? 2;

    /// <summary>Refuses factors other than 2 and 4, and results over the pixel cap (when the size is known).</summary>
    public static void Check(int factor, int? width, int? height, long maxPixels)
    {
        if (factor is not (2 or 4))
        {
            throw new ProviderException("bad_factor", $"The local provider upscales 2× or 4×, not {factor}×.");
        }

        if (width is { } w && height is { } h && (long)w * factor * h * factor > maxPixels)
        {
            throw new ProviderException(
                "too_large",
                $"Upscaling {w}×{h} by {factor}× would make a {w * factor}×{h * factor} picture; the local provider stops at {LocalOutputs.Megapixels(maxPixels)} megapixels.{(factor == 4 ? " Try 2× or a smaller image." : " Try a smaller image.")}");
        }
    }

    public async IAsyncEnumerable<ProviderUpdate> RunAsync(MediaRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var factor = FactorOf(request.Options);
        Check(factor, null, null, options.MaxPixels);
        var input = request.FirstInput(MediaRole.Image) ?? throw new ProviderException("image_required", "Upscale needs an image.");

        yield return new ProviderUpdate.Running(0, "Reading the image");
        var image = await loader.LoadAsync(input, cancellationToken).ConfigureAwait(false);
        Check(factor, image.Width, image.Height, options.MaxPixels);

        using var scaler = new ImageScaler(image, image.Width * factor, image.Height * factor);
        var height = scaler.Height;
        const int total = Bands + 1;
        for (var band = 0; band < Bands; band++)
        {
            scaler.ProcessRows(height * band / Bands, height * (band + 1) / Bands, cancellationToken);
            yield return LocalOutputs.Step(band + 1, total, $"Resampling {factor}×: {(band + 1) * 100 / Bands}%");
            if (band < Bands - 1)
            {
                await pacer.PauseAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        var output = LocalOutputs.Png($"upscaled-{factor}x.png", scaler.ToImage(), cancellationToken);
        yield return new ProviderUpdate.Succeeded([output], Note: $"{image.Width}×{image.Height} → {scaler.Width}×{scaler.Height} (bicubic)");
    }
}
