using ChatBot.Providers.Local.Imaging;

namespace ChatBot.Providers.Local.Rendering;

/// <summary>
/// /imagine and Vary: procedural pictures from the prompt and seed, one per requested image
/// (seeds seed, seed+1, …), or variations of the input picture.
/// </summary>
internal sealed class SketchWork(ImageLoader loader, LocalPacer pacer, LocalProviderOptions settings)
{
    public const int MaxCount = 4;
    private const long MaxVariationPixels = 2 * 1024 * 1024;

    public static int CountOf(CommandOptions options) => Math.Clamp(options.Count ?? 1, 1, MaxCount);

    /// <summary>The size of a rendered picture: about <paramref name="pixels"/> pixels (square by default), sides multiples of 8.</summary>
    public static (int Width, int Height) SizeFor(string? aspectRatio, long pixels) =>
        AspectRatio.Fit(AspectRatio.TryParse(aspectRatio, out var ratio) ? ratio : 1.0, pixels, 8);

    public async IAsyncEnumerable<ProviderUpdate> RunAsync(MediaRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = request.Options;
        var count = CountOf(options);
        var seed = LocalOutputs.SeedFor(request.JobId, options.Seed);
        var prompt = options.Prompt ?? "";
        var input = request.FirstInput(MediaRole.Image) ?? request.FirstInput(MediaRole.Reference);
        var vary = request.Operation == MediaOperation.Vary || input is not null;
        RgbaImage? source = null;
        if (vary)
        {
            if (input is null)
            {
                throw new ProviderException("image_required", "Vary needs an image to start from.");
            }

            yield return new ProviderUpdate.Running(0, "Reading the image");
            source = FitForVariation(await loader.LoadAsync(input, cancellationToken).ConfigureAwait(false), cancellationToken);
        }

        var strength = (float)(options.Strength ?? (request.Operation == MediaOperation.Vary ? 0.45 : 0.6));
        var passes = ProceduralRenderer.PassCount;
        var total = count * passes + 1;
        var outputs = new List<MediaOutput>(count);
        var (width, height) = SizeFor(options.AspectRatio, settings.ImagePixels);
        for (var i = 0; i < count; i++)
        {
            var imageSeed = seed + i;
            var renderer = source is null
                ? ProceduralRenderer.Create(prompt, imageSeed, width, height)
                : ProceduralRenderer.CreateVariation(source, prompt, imageSeed, strength);
            var names = source is null ? ProceduralRenderer.PassNames : ProceduralRenderer.VariationPassNames;
            for (var pass = 0; pass < passes; pass++)
            {
                renderer.RunPass(pass, cancellationToken);
                var preview = LocalOutputs.Png("preview.png", renderer.Preview(LocalOutputs.PreviewSide), cancellationToken);
                var what = count == 1 ? $"Painting: {names[pass]}" : $"Painting image {i + 1} of {count}: {names[pass]}";
                yield return LocalOutputs.Step(i * passes + pass + 1, total, what, preview);
                if (i < count - 1 || pass < passes - 1)
                {
                    await pacer.PauseAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            var name = source is null ? $"sketch-{imageSeed}.png" : $"variation-{imageSeed}.png";
            outputs.Add(LocalOutputs.Png(name, renderer.ToImage(), cancellationToken));
        }

        yield return new ProviderUpdate.Succeeded(outputs, Note: $"seed {seed}");
    }

    private static RgbaImage FitForVariation(RgbaImage image, CancellationToken cancellationToken)
    {
        if (image.PixelCount <= MaxVariationPixels)
        {
            return image;
        }

        var scale = Math.Sqrt((double)MaxVariationPixels / image.PixelCount);
        return ImageScaler.Resize(image, Math.Max(1, (int)(image.Width * scale)), Math.Max(1, (int)(image.Height * scale)), cancellationToken);
    }
}
