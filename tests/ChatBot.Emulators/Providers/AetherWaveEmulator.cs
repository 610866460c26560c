using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatBot.Emulators.Providers;

/// <summary>
/// AetherWave Studio (documents 000, Image Studio, and 003, Video Studio: one host, one key).
/// <c>X-AW-Key</c> auth; image work is an async task polled at <c>/api/generate-image/status/{taskId}</c>
/// (SUCCESS / FAILED); video answers either at once (<c>videoUrl</c>) or with <c>taskId</c> +
/// <c>timeoutSeconds</c> polled at <c>/api/generate-video/status/{taskId}</c>; video background removal
/// reports at <c>/api/video/progress/{jobId}</c>.
/// </summary>
public sealed partial class AetherWaveEmulator : ProviderEmulator
{
    /// <summary>The documented image model table, with the credits each costs.</summary>
    public static readonly IReadOnlyDictionary<string, int> ImageModels = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["qwen-image-t2i"] = 2, ["grok-imagine-t2i"] = 5, ["imagen-4-fast"] = 5, ["flux-2-pro"] = 5, ["google-nano-banana"] = 6,
        ["seedream-v4-t2i"] = 7, ["flux-kontext-pro"] = 7, ["imagen-4"] = 12, ["flux-2-flex"] = 14, ["flux-kontext-max"] = 14,
        ["imagen-4-ultra"] = 17, ["nano-banana-pro"] = 26, ["ideogram-v3-t2i"] = 5, ["gpt-image-1.5-t2i"] = 6,
    };

    public static readonly IReadOnlyDictionary<string, int> EditModels = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["seedream-v4-edit"] = 7, ["flux-kontext-pro"] = 7, ["flux-kontext-max"] = 14, ["qwen-image-edit"] = 6, ["grok-imagine-i2i"] = 6,
    };

    public static readonly IReadOnlySet<string> ArtStyles = new HashSet<string>(StringComparer.Ordinal)
    {
        "realistic", "abstract", "digital", "vintage", "minimalist", "surreal", "anime", "graffiti",
    };

    /// <summary>Credits per second of the documented video models (fixed-price models count per request).</summary>
    public static readonly IReadOnlyDictionary<string, int> VideoModels = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["seedance-lite-t2v"] = 3, ["seedance-lite-i2v"] = 3, ["kling-2.1-standard"] = 7, ["infinitalk"] = 5,
        ["grok-imagine-t2v"] = 14, ["grok-imagine-i2v"] = 14, ["grok-upscale"] = 14, ["kling-2.1-pro"] = 14,
        ["seedance-pro-t2v"] = 3, ["seedance-pro-i2v"] = 3, ["topaz-video-upscale"] = 12, ["wan-2.5-t2v"] = 12,
        ["wan-2.5-i2v"] = 12, ["wan-speech-to-video"] = 17, ["midjourney-i2v"] = 40, ["hailuo-2.0-standard"] = 3,
        ["hailuo-2.0-pro"] = 14, ["sora-2-standard-t2v"] = 42, ["sora-2-standard-i2v"] = 42, ["sora-2-pro-storyboard"] = 210,
        ["hailuo-2.3-standard"] = 42, ["hailuo-2.3-pro"] = 63, ["kling-2.6-t2v"] = 77, ["kling-2.6-i2v"] = 77,
        ["kling-2.1-master-t2v"] = 32, ["kling-2.1-master-i2v"] = 32, ["kling-3.0-motion-720p"] = 17, ["kling-3.0-motion-1080p"] = 28,
        ["kling-avatar-standard"] = 12, ["kling-avatar-pro"] = 23, ["veo3-fast"] = 84, ["veo3-quality"] = 560,
        ["veo3.1-fast"] = 84, ["veo3.1-quality"] = 350,
    };

    /// <summary>Models the document prices per second ("3/sec"); the others carry a price per request.</summary>
    public static readonly IReadOnlySet<string> PricedPerSecond = new HashSet<string>(StringComparer.Ordinal)
    {
        "seedance-lite-t2v", "seedance-lite-i2v", "kling-2.1-standard", "infinitalk", "kling-2.1-pro", "seedance-pro-t2v", "seedance-pro-i2v",
        "topaz-video-upscale", "wan-2.5-t2v", "wan-2.5-i2v", "wan-speech-to-video", "hailuo-2.0-standard", "hailuo-2.0-pro",
        "kling-2.1-master-t2v", "kling-2.1-master-i2v", "kling-3.0-motion-720p", "kling-3.0-motion-1080p", "kling-avatar-standard", "kling-avatar-pro",
    };

    private static readonly HashSet<string> LipSyncModels = new(StringComparer.Ordinal) { "infinitalk", "wan-speech-to-video", "kling-avatar-standard", "kling-avatar-pro" };

    private readonly ConcurrentDictionary<string, EmulatedTask> _tasks = new(StringComparer.Ordinal);
    private int _next;

    /// <summary>Video models that answer synchronously with a <c>videoUrl</c>.</summary>
    public HashSet<string> SynchronousVideoModels { get; } = new(StringComparer.Ordinal) { "seedance-lite-i2v" };

    /// <summary>The <c>timeoutSeconds</c> async video answers carry.</summary>
    public int VideoTimeoutSeconds { get; set; } = 360;

    /// <summary>Video requests that named no duration, so the provider's own default applied.</summary>
    public int DefaultedDurations { get; private set; }

    public IReadOnlyCollection<string> GallerySaves => [.. Requests.Where(r => r.Path == "/api/save-to-gallery").Select(r => r.Field("mediaUrl") ?? "")];

    protected override void Map(WebApplication app)
    {
        app.MapPost("/api/generate-image", GenerateImageAsync);
        app.MapPost("/api/edit-image", EditImageAsync);
        app.MapPost("/api/inpaint-image", InpaintAsync);
        app.MapPost("/api/reframe-image", ReframeAsync);
        app.MapPost("/api/upscale-image", UpscaleAsync);
        app.MapPost("/api/remove-background", RemoveBackgroundAsync);
        app.MapPost("/api/enhance-image", EnhanceAsync);
        app.MapPost("/api/generate-art", GenerateArtAsync);
        app.MapGet("/api/generate-image/status/{taskId}", ImageStatusAsync);
        app.MapPost("/api/save-to-gallery", SaveToGalleryAsync);
        app.MapPost("/api/generate-video", GenerateVideoAsync);
        app.MapGet("/api/generate-video/status/{taskId}", VideoStatusAsync);
        app.MapPost("/api/video/remove-background", VideoRemoveBackgroundAsync);
        app.MapGet("/api/video/progress/{jobId}", VideoProgressAsync);
        MapVideoExtras(app);
    }

    protected override object KeyRejection => new { error = "Invalid or missing API key" };

    protected override bool HasValidKey(HttpRequest request) => request.Headers["X-AW-Key"] == ApiKey;

    private Task GenerateImageAsync(HttpContext context) => SubmitImageAsync(context, r =>
    {
        if (string.IsNullOrWhiteSpace(r.Field("prompt")))
        {
            return (null, "prompt is required");
        }

        var model = r.Field("model") ?? "grok-imagine-t2i";
        if (!ImageModels.TryGetValue(model, out var cost))
        {
            return (null, $"Unknown model: {model}");
        }

        if (AetherWaveDocument.GenerateImageError(model, r) is { } invalid)
        {
            return (null, invalid);
        }

        var count = model == "grok-imagine-t2i" ? 6 : int.TryParse(r.Field("maxImages"), out var n) ? Math.Clamp(n, 1, 6) : 1;
        return (new EmulatedTask(count, model == "seedream-v4-t2i" ? cost * count : cost, "image/png"), null);
    });

    private Task EditImageAsync(HttpContext context) => SubmitImageAsync(context, r =>
    {
        var model = r.Field("model") ?? "";
        if (!EditModels.TryGetValue(model, out var cost))
        {
            return (null, $"Unknown edit model: {model}");
        }

        var images = r.Files.Count(f => f.Field is "image" or "images") + (r.Field("imageUrl") is null ? 0 : 1);
        if (images == 0)
        {
            return (null, "image, images or imageUrl is required");
        }

        if (images > 10)
        {
            return (null, "Up to 10 images");
        }

        var count = model == "grok-imagine-i2i" ? 2 : model == "seedream-v4-edit" ? images : 1;
        return (new EmulatedTask(count, model == "seedream-v4-edit" ? cost * images : cost, "image/png"), null);
    });

    private Task InpaintAsync(HttpContext context) => SubmitImageAsync(context, r =>
    {
        if (!IsDataUrl(r.Field("image")) || !IsDataUrl(r.Field("mask")))
        {
            return (null, "image and mask must be base64 data URLs");
        }

        if (r.Json?["referenceImages"] is System.Text.Json.Nodes.JsonArray references
            && (references.Count > 16 || references.Any(n => !IsDataUrl(n?.ToString()))))
        {
            return (null, "referenceImages: up to 16 base64 images");
        }

        if (AetherWaveDocument.InpaintMaskError(r.Field("mask")!) is { } maskError)
        {
            return (null, maskError);
        }

        var cost = (r.Field("quality") ?? "medium") switch { "low" => 5, "medium" => 10, "high" => 14, _ => -1 };
        return cost < 0 ? (null, "quality must be low, medium or high") : (new EmulatedTask(1, cost, "image/png"), null);
    });

    private Task ReframeAsync(HttpContext context) => SubmitImageAsync(context, r =>
    {
        if (r.Field("image") is null && r.Field("imageUrl") is null)
        {
            return (null, "image or imageUrl is required");
        }

        if (LinkError(r) is { } linkError)
        {
            return (null, linkError);
        }

        var cost = (r.Field("rendering_speed") ?? "BALANCED") switch { "TURBO" => 5, "BALANCED" => 10, "QUALITY" => 14, _ => -1 };
        return cost < 0 ? (null, "rendering_speed must be TURBO, BALANCED or QUALITY") : (new EmulatedTask(1, cost, "image/png"), null);
    });

    private Task UpscaleAsync(HttpContext context) => SubmitImageAsync(context, r =>
    {
        if (!r.Files.Any(f => f.Field == "image") && r.Field("imageUrl") is null)
        {
            return (null, "image or imageUrl is required");
        }

        if (LinkError(r) is { } linkError)
        {
            return (null, linkError);
        }

        var cost = r.Field("upscaleFactor") switch { "1x" or "2x" => 10, "4x" => 20, "8x" => 40, _ => -1 };
        return cost < 0 ? (null, "upscaleFactor must be 1x, 2x, 4x or 8x") : (new EmulatedTask(1, cost, "image/png"), null);
    });

    private Task RemoveBackgroundAsync(HttpContext context) => SubmitImageAsync(context, r =>
        r.Files.Any(f => f.Field == "image") ? (new EmulatedTask(1, 5, "image/png"), null) : (null, "image file is required"));

    private Task EnhanceAsync(HttpContext context) => SubmitImageAsync(context, r =>
        r.Files.Any(f => f.Field == "image") ? (new EmulatedTask(1, 8, "image/png"), null) : (null, "image file is required"));

    private Task GenerateArtAsync(HttpContext context) => SubmitImageAsync(context, r =>
    {
        if (string.IsNullOrWhiteSpace(r.Field("prompt")))
        {
            return (null, "prompt is required");
        }

        return r.Field("style") is { } style && !ArtStyles.Contains(style)
            ? (null, $"Unknown style: {style}")
            : (new EmulatedTask(1, 0, "image/png"), null);
    });

    private async Task SubmitImageAsync(HttpContext context, Func<RecordedRequest, (EmulatedTask? Task, string? Error)> validate)
    {
        var request = await BeginAsync(context, FaultScope.Submit).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        var (task, error) = validate(request);
        if (task is null)
        {
            await WriteErrorAsync(context, 400, new { error }).ConfigureAwait(false);
            return;
        }

        var id = $"img_{Interlocked.Increment(ref _next)}";
        _tasks[id] = task;
        Accept(request);
        if (Faults.DelayAfterAccept > TimeSpan.Zero)
        {
            await Task.Delay(Faults.DelayAfterAccept, context.RequestAborted).ConfigureAwait(false);
        }

        await WriteJsonAsync(context, new { taskId = id, message = "Image generation started", creditsUsed = task.Cost, expectedImages = task.Count }, FaultScope.Submit).ConfigureAwait(false);
    }

    private Task ImageStatusAsync(HttpContext context, string taskId) => PollAsync(
        context,
        _tasks,
        taskId,
        notFound: new { error = "Task not found" },
        working: (_, polls) => new { state = polls == 1 ? "PENDING" : "PROCESSING" },
        failed: _ => new { state = "FAILED", error = Faults.FailureMessage },
        done: task =>
        {
            var images = Enumerable.Range(1, task.Count)
                .Select(i => PublishMedia($"{taskId}-{i}.png", TestMedia.Png(16, 16, (byte)i), "image/png"))
                .ToArray();
            return new { state = "SUCCESS", images, actualCreditCost = task.Cost };
        });

    private async Task SaveToGalleryAsync(HttpContext context)
    {
        var request = await BeginAsync(context, FaultScope.Submit).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        await WriteJsonAsync(context, new { success = true, id = $"gal_{Interlocked.Increment(ref _next)}" }, FaultScope.Submit).ConfigureAwait(false);
    }

    private async Task GenerateVideoAsync(HttpContext context)
    {
        var request = await BeginAsync(context, FaultScope.Submit).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        var model = request.Field("model") ?? "";
        var hasImage = request.Field("imageUrl") is not null || request.Field("imageData") is not null;
        if (hasImage && model.EndsWith("-t2v", StringComparison.Ordinal) && VideoModels.ContainsKey(model[..^4] + "-i2v"))
        {
            model = model[..^4] + "-i2v"; // the documented auto-switch
        }

        string? error = null;
        var upscaleCost = 0;
        if (!VideoModels.ContainsKey(model))
        {
            error = $"Unknown model: {model}";
        }
        else if (LinkError(request) is { } linkError)
        {
            error = linkError;
        }
        else if (UpscaleModels.Contains(model))
        {
            (error, upscaleCost) = Upscale(model, request, PriceOf(model));
        }
        else if (model == "sora-2-pro-storyboard" && request.Json?["storyboard"] is not System.Text.Json.Nodes.JsonArray { Count: > 0 })
        {
            error = "storyboard is required for sora-2-pro-storyboard";
        }
        else if (LipSyncModels.Contains(model) && (!hasImage || (request.Field("audioUrl") is null && request.Field("audioData") is null)))
        {
            error = "Lip sync needs an image and audio";
        }
        else if (model != "sora-2-pro-storyboard" && !LipSyncModels.Contains(model) && string.IsNullOrWhiteSpace(request.Field("prompt")))
        {
            error = "prompt is required";
        }
        else
        {
            error = AetherWaveDocument.GenerateVideoError(model, request);
        }

        if (error is not null)
        {
            await WriteErrorAsync(context, 400, new { error }).ConfigureAwait(false);
            return;
        }

        // Without a duration the model's undocumented default applies; the emulator makes it the shortest it documents.
        var seconds = AetherWaveDocument.Seconds(model, request) ?? (AetherWaveDocument.Durations.TryGetValue(model, out var range) ? range.Min : 5);
        DefaultedDurations += request.Field("duration") is null && model != "sora-2-pro-storyboard" && Durations(model) ? 1 : 0;
        // Kling 2.6 is "77-308": 77 per 5 s, doubled with native audio.
        var perSecond = PriceOf(model);
        var cost = UpscaleModels.Contains(model) ? upscaleCost : PricedPerSecond.Contains(model) ? perSecond * seconds : model.StartsWith("kling-2.6", StringComparison.Ordinal) ? perSecond * Math.Max(1, seconds / 5) : perSecond;
        if (request.Field("withAudio") is "true" or "True")
        {
            cost *= 2;
        }

        if (AetherWaveDocument.IsFreePerk(model, request))
        {
            cost = 0;
        }

        var id = $"task_{Interlocked.Increment(ref _next)}";
        Accept(request);
        if (SynchronousVideoModels.Contains(model))
        {
            var url = PublishMedia($"{id}.mp4", VideoBytes, "video/mp4");
            await WriteJsonAsync(context, new { status = "complete", videoUrl = url, creditsUsed = cost }, FaultScope.Submit).ConfigureAwait(false);
            return;
        }

        _tasks[id] = new EmulatedTask(1, cost, "video/mp4") { Model = model };
        if (Faults.DelayAfterAccept > TimeSpan.Zero)
        {
            await Task.Delay(Faults.DelayAfterAccept, context.RequestAborted).ConfigureAwait(false);
        }

        await WriteJsonAsync(context, new { taskId = id, timeoutSeconds = VideoTimeoutSeconds, creditsUsed = cost }, FaultScope.Submit).ConfigureAwait(false);
    }

    private Task VideoStatusAsync(HttpContext context, string taskId) => PollAsync(
        context,
        _tasks,
        taskId,
        notFound: new { error = "Task not found" },
        working: (task, polls) => new { taskId, state = polls == 1 ? "pending" : "processing", model = task.Model },
        failed: task => new { taskId, state = "failed", error = Faults.FailureMessage, model = task.Model },
        done: task => new
        {
            taskId,
            state = "completed",
            videoUrl = PublishMedia($"{taskId}.mp4", VideoBytes, "video/mp4"),
            model = task.Model,
            creditCost = task.Cost,
            creditsDeducted = true,
        });

    private async Task VideoRemoveBackgroundAsync(HttpContext context)
    {
        var request = await BeginAsync(context, FaultScope.Submit).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        if (request.Files.Count == 0)
        {
            await WriteErrorAsync(context, 400, new { error = "Upload a video file (webm, mp4, mov, gif)" }).ConfigureAwait(false);
            return;
        }

        var id = $"vbg_{Interlocked.Increment(ref _next)}";
        _tasks[id] = new EmulatedTask(1, 20, "video/mp4");
        Accept(request);
        await WriteJsonAsync(context, new { jobId = id, creditsUsed = 20 }, FaultScope.Submit).ConfigureAwait(false);
    }

    private Task VideoProgressAsync(HttpContext context, string jobId) => PollAsync(
        context,
        _tasks,
        jobId,
        notFound: new { error = "Job not found" },
        working: (_, polls) => new { jobId, status = "processing", progress = polls * 100 / (PollsBeforeDone + 1) },
        failed: _ => new { jobId, status = "failed", error = Faults.FailureMessage },
        done: task => new { jobId, status = "completed", progress = 100, videoUrl = PublishMedia($"{jobId}.mp4", VideoBytes, "video/mp4"), creditCost = task.Cost });

    private static bool Durations(string model) => AetherWaveDocument.Durations.ContainsKey(model);

    private static bool IsDataUrl(string? value) => value is not null && value.StartsWith("data:image/", StringComparison.Ordinal) && value.Contains(";base64,", StringComparison.Ordinal);

    private sealed class EmulatedTask(int count, int cost, string contentType) : PolledJob
    {
        public int Count { get; } = count;
        public int Cost { get; } = cost;
        public string ContentType { get; } = contentType;
        public string? Model { get; init; }
    }
}
