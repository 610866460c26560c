using ChatBot.Core.Media;

namespace ChatBot.Providers.Blackwave;

/// <summary>Builds the body of <c>POST /api/v1/generate</c> (document 002) for txt2img, img2img and inpainting.</summary>
internal static class BlackwaveRequests
{
    private const int MaxSide = 1024;
    private const int MinSide = 256;

    /// <summary>The request, with the key as <c>token</c> in the body and streaming always on.</summary>
    public static async Task<ProviderPost> GenerateAsync(ProviderHttp http, MediaRequest request, CancellationToken cancellationToken)
    {
        var o = request.Options;
        var image = request.FirstInput(MediaRole.Image);
        var mask = request.FirstInput(MediaRole.Mask);
        byte[]? imageBytes = null;
        (int Width, int Height)? imageSize = null;
        switch (request.Operation)
        {
            case MediaOperation.Imagine:
                break;
            case MediaOperation.Vary or MediaOperation.Edit or MediaOperation.Inpaint when image is not null:
                imageBytes = await ProviderInputs.ReadAsync(image, cancellationToken).ConfigureAwait(false);
                var sniff = MediaSniffer.Sniff(imageBytes);
                imageSize = (image.Media.Width ?? sniff?.Width, image.Media.Height ?? sniff?.Height) is (int w, int h) ? (w, h) : null;
                break;
            case MediaOperation.Vary or MediaOperation.Edit or MediaOperation.Inpaint:
                throw new ProviderException("input_required", "This needs an image to start from.");
            default:
                throw new ProviderException("unsupported_operation", $"Blackwave does not do {request.Operation}.");
        }

        string? maskBase64 = null;
        if (request.Operation == MediaOperation.Inpaint)
        {
            if (mask is null)
            {
                throw new ProviderException("mask_required", "Inpainting needs a mask (transparent or white where the picture should change).");
            }

            if (imageSize is not { } size)
            {
                throw new ProviderException("invalid_mask", "The bot could not read the image's size to match the mask to it.");
            }

            var maskBytes = await ProviderInputs.ReadAsync(mask, cancellationToken).ConfigureAwait(false);
            maskBase64 = Convert.ToBase64String(await BlackwaveMask.PrepareAsync(maskBytes, size.Width, size.Height, http.Options.FfmpegPath, cancellationToken).ConfigureAwait(false));
        }

        var (width, height) = Dimensions(o, imageSize);
        return ProviderPost.JsonBody("api/v1/generate", new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["token"] = http.ApiKey,
            ["model"] = request.Model.WireModel,
            ["prompt"] = o.Prompt ?? (request.Operation == MediaOperation.Vary ? "a variation of this image" : null),
            ["negative_prompt"] = o.NegativePrompt,
            ["width"] = width,
            ["height"] = height,
            ["steps"] = o.Integer("steps"),
            ["sampler"] = o.Text("sampler"),
            ["cfg_scale"] = o.Number("cfg", "cfg_scale"),
            ["seed"] = o.Seed,
            // The document says "Base64" and shows a bare string, so no data: prefix.
            ["init_image"] = imageBytes is null ? null : Convert.ToBase64String(imageBytes),
            ["mask_image"] = maskBase64,
            ["denoising_strength"] = imageBytes is null ? null : o.Strength ?? (request.Operation == MediaOperation.Inpaint ? 0.85 : 0.7),
            ["loras"] = Loras(o.Text("loras", "lora")),
            ["stream"] = true,
            ["response_type"] = "url",
            // The filter stays on unless the channel is marked NSFW.
            ["nsfw_filter"] = !request.AllowNsfw,
            // The tenant's gallery setting: Blackwave has no save call, so a result is kept as it is made.
            ["send_to_gallery"] = request.SendToGallery,
        });
    }

    /// <summary>"name:0.8,other:0.5" → {"name": 0.8, "other": 0.5}; a name without weight gets 1.</summary>
    internal static Dictionary<string, double>? Loras(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var loras = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var at = part.LastIndexOf(':');
            if (at > 0 && double.TryParse(part[(at + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight))
            {
                loras[part[..at].Trim()] = weight;
            }
            else
            {
                loras[part] = 1.0;
            }
        }

        return loras.Count > 0 ? loras : null;
    }

    /// <summary>
    /// The output size: explicit --width/--height, else the aspect ratio fitted into 1024×1024, else the input
    /// image's size fitted into it, else the document's default 1024×1024. Multiples of 8 within 256–1024.
    /// </summary>
    internal static (int Width, int Height) Dimensions(CommandOptions options, (int Width, int Height)? image)
    {
        if (options.Integer("width") is { } w && options.Integer("height") is { } h)
        {
            return (Clamp(w), Clamp(h));
        }

        var shape = OptionExtras.Ratio(options.AspectRatio) ?? image;
        if (shape is not { } s)
        {
            return (MaxSide, MaxSide);
        }

        var scale = (double)MaxSide / Math.Max(s.Width, s.Height);
        return (Clamp((int)(s.Width * scale)), Clamp((int)(s.Height * scale)));
    }

    private static int Clamp(int side) => Math.Clamp(side / 8 * 8, MinSide, MaxSide);
}
