using System.Globalization;
using System.Text.Json.Nodes;

namespace ChatBot.Emulators.Providers;

/// <summary>
/// What documents 000 (Image Studio) and 003 (Video Studio) allow per field and per model, read on their own
/// (not from the bot's catalog): a request outside it is answered 400, as the document's API would.
/// </summary>
public static class AetherWaveDocument
{
    public static readonly IReadOnlySet<string> ImageAspectRatios = new HashSet<string>(StringComparer.Ordinal) { "1:1", "16:9", "9:16", "4:3", "3:4", "3:2", "2:3", "21:9" };
    public static readonly IReadOnlySet<string> VideoAspectRatios = new HashSet<string>(StringComparer.Ordinal) { "16:9", "9:16", "1:1", "4:3", "3:4", "9:21", "21:9" };
    public static readonly IReadOnlySet<string> VideoResolutions = new HashSet<string>(StringComparer.Ordinal) { "480p", "720p", "1080p" };
    public static readonly IReadOnlySet<string> GrokModes = new HashSet<string>(StringComparer.Ordinal) { "fun", "normal", "spicy" };

    /// <summary>The documented duration range of each video model ("2-12s"; "8s"); models listed with "—" have none.</summary>
    public static readonly IReadOnlyDictionary<string, (int Min, int Max)> Durations = new Dictionary<string, (int, int)>(StringComparer.Ordinal)
    {
        ["seedance-lite-t2v"] = (2, 12), ["seedance-lite-i2v"] = (2, 12), ["kling-2.1-standard"] = (5, 10), ["infinitalk"] = (5, 15),
        ["grok-imagine-t2v"] = (6, 15), ["grok-imagine-i2v"] = (6, 15), ["kling-2.1-pro"] = (5, 10), ["seedance-pro-t2v"] = (2, 12),
        ["seedance-pro-i2v"] = (2, 12), ["wan-2.5-t2v"] = (5, 10), ["wan-2.5-i2v"] = (5, 10), ["wan-speech-to-video"] = (5, 60),
        ["hailuo-2.0-standard"] = (6, 10), ["hailuo-2.0-pro"] = (6, 10), ["sora-2-standard-t2v"] = (10, 15), ["sora-2-standard-i2v"] = (10, 15),
        ["sora-2-pro-storyboard"] = (10, 25), ["hailuo-2.3-standard"] = (6, 10), ["hailuo-2.3-pro"] = (6, 10), ["kling-2.6-t2v"] = (5, 10),
        ["kling-2.6-i2v"] = (5, 10), ["kling-2.1-master-t2v"] = (5, 10), ["kling-2.1-master-i2v"] = (5, 10), ["kling-3.0-motion-720p"] = (3, 30),
        ["kling-3.0-motion-1080p"] = (3, 30), ["kling-avatar-standard"] = (5, 15), ["kling-avatar-pro"] = (5, 15), ["veo3-fast"] = (8, 8),
        ["veo3-quality"] = (8, 8), ["veo3.1-fast"] = (4, 8), ["veo3.1-quality"] = (4, 8),
    };

    /// <summary>Why <c>POST /api/generate-image</c> may not carry these fields for the model (the parameter table's model notes), or null.</summary>
    public static string? GenerateImageError(string model, RecordedRequest request)
    {
        bool Has(string field) => request.Json?[field] is not null;
        bool Family(params string[] prefixes) => prefixes.Any(p => model.StartsWith(p, StringComparison.Ordinal));

        if (request.Field("aspectRatio") is { } ar && !ImageAspectRatios.Contains(ar))
        {
            return $"aspectRatio must be one of {string.Join(", ", ImageAspectRatios)}";
        }

        if (Has("resolution") && !Family("seedream", "flux", "nano-banana-pro"))
        {
            return "resolution is for Seedream, Flux and Nano Pro";
        }

        if (request.Field("resolution") is { } res && res is not ("1K" or "2K" or "4K"))
        {
            return "resolution must be 1K, 2K or 4K";
        }

        if (Has("imageSize") && !Family("seedream", "qwen"))
        {
            return "imageSize is for Seedream and Qwen";
        }

        if (Has("maxImages") && !(Family("seedream") && int.TryParse(request.Field("maxImages"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 6))
        {
            return "maxImages is 1-6, Seedream only";
        }

        if (Has("negative_prompt") && model is not ("imagen-4-ultra" or "qwen-image-t2i"))
        {
            return "negative_prompt is for Imagen 4 Ultra and Qwen";
        }

        if (Has("seed") && !Family("imagen-4", "seedream"))
        {
            return "seed is for Imagen 4 and Seedream";
        }

        if (Has("outputFormat") && (model != "nano-banana-pro" || request.Field("outputFormat") is not ("png" or "jpg")))
        {
            return "outputFormat is png or jpg, Nano Banana Pro only";
        }

        return Has("referenceImages") && !Family("grok", "flux") ? "referenceImages is for Grok and Flux" : null;
    }

    /// <summary>Why <c>POST /api/generate-video</c> may not carry these values for the model, or null.</summary>
    public static string? GenerateVideoError(string model, RecordedRequest request)
    {
        if (request.Field("endImageData") is not null && !model.StartsWith("seedance", StringComparison.Ordinal))
        {
            return "endImageData (the last frame) is for Seedance models";
        }

        if (request.Field("aspectRatio") is { } ar && !VideoAspectRatios.Contains(ar))
        {
            return $"aspectRatio must be one of {string.Join(", ", VideoAspectRatios)}";
        }

        if (request.Field("resolution") is { } res && !VideoResolutions.Contains(res))
        {
            return "resolution must be 480p, 720p or 1080p";
        }

        if (model.StartsWith("kling", StringComparison.Ordinal) && request.Field("cfgScale") is { } cfg
            && (!double.TryParse(cfg, NumberStyles.Float, CultureInfo.InvariantCulture, out var c) || c is < 0 or > 1))
        {
            return "cfgScale must be between 0 and 1";
        }

        if (model.StartsWith("grok", StringComparison.Ordinal) && request.Field("mode") is { } mode && !GrokModes.Contains(mode))
        {
            return "mode must be fun, normal or spicy";
        }

        var seconds = Seconds(model, request);
        return seconds is { } s && Durations.TryGetValue(model, out var range) && (s < range.Min || s > range.Max)
            ? $"{model} makes {range.Min}-{range.Max}s videos"
            : null;
    }

    /// <summary>The video's length: the storyboard's shots added up, else <c>duration</c>; null when not given.</summary>
    public static int? Seconds(string model, RecordedRequest request)
    {
        if (model == "sora-2-pro-storyboard" && request.Json?["storyboard"] is JsonArray shots)
        {
            return shots.Sum(s => int.TryParse(s?["duration"]?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var d) ? d : 0);
        }

        return int.TryParse(request.Field("duration"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) ? seconds : null;
    }

    /// <summary>"Seedance Lite I2V at 5s @ 480p is FREE for all users".</summary>
    public static bool IsFreePerk(string model, RecordedRequest request) =>
        model == "seedance-lite-i2v" && Seconds(model, request) == 5 && request.Field("resolution") == "480p";

    /// <summary>Inpaint: "mask: Base64 mask (transparent areas = edit zone)" — a mask without a transparent pixel edits nothing.</summary>
    public static string? InpaintMaskError(string dataUrl)
    {
        var comma = dataUrl.IndexOf(',', StringComparison.Ordinal);
        using var bitmap = SkiaSharp.SKBitmap.Decode(Convert.FromBase64String(dataUrl[(comma + 1)..]));
        if (bitmap is null)
        {
            return "mask is not an image";
        }

        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                if (bitmap.GetPixel(x, y).Alpha < 255)
                {
                    return null;
                }
            }
        }

        return "mask has no transparent area to edit";
    }
}
