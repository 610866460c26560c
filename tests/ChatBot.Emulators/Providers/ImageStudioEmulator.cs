using System.Text.Json.Nodes;
using ChatBot.Core.Media;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatBot.Emulators.Providers;

/// <summary>
/// ALwrity Image Studio (document 001): everything under <c>/api/image-studio</c>, Bearer auth, synchronous
/// JSON answers with base64 images, errors as <c>{"detail": ...}</c>.
/// </summary>
public sealed partial class ImageStudioEmulator : ProviderEmulator
{
    private const string Prefix = "/api/image-studio";

    public static readonly IReadOnlyList<Template> Templates =
    [
        new("linkedin_post", "LinkedIn Post", "social_media", "linkedin", "1.91:1", 1200, 628),
        new("instagram_feed_square", "Instagram Feed Post (Square)", "social_media", "instagram", "1:1", 1080, 1080),
        new("instagram_story", "Instagram Story", "social_media", "instagram", "9:16", 1080, 1920),
        new("blog_header", "Blog Header", "blog_content", "blog", "16:9", 1600, 900),
    ];

    public static readonly IReadOnlyDictionary<string, (string Format, int Width, int Height)> PlatformFormats = new Dictionary<string, (string, int, int)>(StringComparer.Ordinal)
    {
        ["instagram"] = ("Feed Post (Square)", 1080, 1080),
        ["facebook"] = ("Feed Post", 1200, 630),
        ["linkedin"] = ("Post", 1200, 627),
        ["twitter"] = ("Post", 1600, 900),
        ["pinterest"] = ("Pin", 1000, 1500),
    };

    private static readonly string[] EditOperations = ["remove_background", "inpaint", "outpaint", "search_replace", "search_recolor", "general_edit"];
    private static readonly string[] ControlOperations = ["sketch", "structure", "style", "style_transfer"];

    /// <summary>What <c>/health</c> reports.</summary>
    public bool Healthy { get; set; } = true;

    /// <summary>The template endpoints answer 500 (everything else keeps working).</summary>
    public bool TemplatesFail { get; set; }

    protected override void Map(WebApplication app)
    {
        app.MapPost(Prefix + "/create", CreateAsync);
        MapTemplates(app);
        app.MapGet(Prefix + "/providers", ProvidersAsync);
        app.MapPost(Prefix + "/estimate-cost", EstimateAsync);
        app.MapPost(Prefix + "/edit/process", EditAsync);
        app.MapGet(Prefix + "/edit/operations", ctx => SimpleAsync(ctx, new { operations = EditOperations.ToDictionary(o => o, o => new { label = o, provider = "stability" }) }));
        app.MapPost(Prefix + "/upscale", UpscaleAsync);
        app.MapPost(Prefix + "/control/process", ControlAsync);
        app.MapGet(Prefix + "/control/operations", ctx => SimpleAsync(ctx, new { operations = ControlOperations.ToDictionary(o => o, o => new { label = o, provider = "stability" }) }));
        app.MapPost(Prefix + "/social/optimize", SocialAsync);
        app.MapGet(Prefix + "/health", ctx => SimpleAsync(ctx, new
        {
            status = Healthy ? "healthy" : "unhealthy",
            service = "image_studio",
            version = "1.0.0",
            modules = new { create_studio = Healthy ? "available" : "unavailable", templates = "available", providers = "available" },
        }));
    }

    protected override object KeyRejection => new { detail = "Authenticated user required for image operations." };

    private async Task SimpleAsync(HttpContext context, object body)
    {
        if (await BeginAsync(context, FaultScope.Status).ConfigureAwait(false) is null)
        {
            return;
        }

        await WriteJsonAsync(context, body, FaultScope.Status).ConfigureAwait(false);
    }

    private Task ProvidersAsync(HttpContext context) => SimpleAsync(context, new
    {
        providers = new Dictionary<string, object>
        {
            ["stability"] = new { name = "Stability AI", models = new[] { "ultra", "core", "sd3.5-large" }, capabilities = new[] { "generation", "editing", "upscaling" }, max_resolution = "2048x2048", cost_range = "3-8 credits" },
            ["wavespeed"] = new { name = "WaveSpeed AI", models = new[] { "ideogram-v3-turbo", "qwen-image" }, capabilities = new[] { "generation" }, max_resolution = "1024x1024", cost_range = "1-6 credits" },
        },
    });

    private async Task EstimateAsync(HttpContext context)
    {
        var request = await BeginAsync(context, FaultScope.Status).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        var provider = request.Field("provider");
        if (string.IsNullOrWhiteSpace(provider))
        {
            await WriteErrorAsync(context, 400, new { detail = "provider is required" }).ConfigureAwait(false);
            return;
        }

        var images = int.TryParse(request.Field("num_images"), out var n) ? n : 1;
        var perImage = provider == "stability" ? 4 : 2;
        await WriteJsonAsync(context, new { estimated_cost = perImage * images, currency = "credits", provider, model = request.Field("model"), operation = request.Field("operation") ?? "generate", num_images = images }, FaultScope.Status).ConfigureAwait(false);
    }

    private async Task CreateAsync(HttpContext context)
    {
        var request = await BeginAsync(context, FaultScope.Submit).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        var body = request.Json ?? [];
        if (string.IsNullOrWhiteSpace(request.Field("prompt")))
        {
            await WriteErrorAsync(context, 400, new { detail = "Prompt is required" }).ConfigureAwait(false);
            return;
        }

        Template? template = null;
        if (request.Field("template_id") is { } templateId && (template = Templates.FirstOrDefault(t => t.Id == templateId)) is null)
        {
            await WriteErrorAsync(context, 404, new { detail = $"Template not found: {templateId}" }).ConfigureAwait(false);
            return;
        }

        var count = int.TryParse(request.Field("num_variations"), out var v) ? v : 1;
        if (count is < 1 or > 10)
        {
            await WriteErrorAsync(context, 400, new { detail = "num_variations must be between 1 and 10" }).ConfigureAwait(false);
            return;
        }

        if (ImageStudioDocument.CreateError(request) is { } invalid)
        {
            await WriteErrorAsync(context, 400, new { detail = invalid }).ConfigureAwait(false);
            return;
        }

        if (!await AcceptAsync(context, request).ConfigureAwait(false))
        {
            return;
        }

        var width = Int(body, "width") ?? template?.Width ?? 1024;
        var height = Int(body, "height") ?? template?.Height ?? 1024;
        var provider = request.Field("provider") is { } p && p != "auto" ? p : "wavespeed";
        var model = request.Field("model") ?? "ideogram-v3-turbo";
        var results = Enumerable.Range(1, count).Select(i => new
        {
            image_base64 = Convert.ToBase64String(TestMedia.Png(Math.Max(1, width / 100), Math.Max(1, height / 100), (byte)i)),
            width,
            height,
            provider,
            model,
            variation = i,
        }).ToList();
        await WriteJsonAsync(context, new
        {
            success = true,
            request = new
            {
                prompt = request.Field("prompt"),
                enhanced_prompt = request.Field("prompt") + ", professional photography, high quality",
                template_id = template?.Id,
                template_name = template?.Name,
                provider,
                model,
                dimensions = $"{width}x{height}",
                quality = request.Field("quality") ?? "standard",
            },
            results,
            total_generated = count,
            total_failed = 0,
        }, FaultScope.Submit).ConfigureAwait(false);
    }

    private Task EditAsync(HttpContext context) => OperateAsync(context, EditError, request =>
    {
        var body = request.Json ?? [];
        var image = Decode(request.Field("image_base64"))!;
        var operation = request.Field("operation");
        var width = (image.Width ?? 8) + (Int(body, "expand_left") ?? 0) + (Int(body, "expand_right") ?? 0);
        var height = (image.Height ?? 8) + (Int(body, "expand_up") ?? 0) + (Int(body, "expand_down") ?? 0);
        return new
        {
            success = true,
            operation,
            provider = "stability",
            image_base64 = "data:image/png;base64," + Convert.ToBase64String(TestMedia.Png(width, height)),
            width,
            height,
            metadata = new { operation, processing_time = 2.5 },
        };
    });

    private static string? EditError(RecordedRequest request)
    {
        var body = request.Json ?? [];
        var operation = request.Field("operation");
        if (Decode(request.Field("image_base64")) is null)
        {
            return "Invalid base64 image payload";
        }

        if (operation is null || !EditOperations.Contains(operation))
        {
            return $"Unsupported operation: {operation}";
        }

        if (body["options"] is { } options && options is not System.Text.Json.Nodes.JsonObject)
        {
            return "options must be an object";
        }

        return operation switch
        {
            "inpaint" when string.IsNullOrWhiteSpace(request.Field("prompt")) => "Prompt is required for inpainting",
            "search_replace" when string.IsNullOrWhiteSpace(request.Field("search_prompt")) || string.IsNullOrWhiteSpace(request.Field("prompt")) =>
                "search_prompt and prompt are required for search_replace",
            "search_recolor" when string.IsNullOrWhiteSpace(request.Field("select_prompt")) || string.IsNullOrWhiteSpace(request.Field("prompt")) =>
                "select_prompt and prompt are required for search_recolor",
            "outpaint" when new[] { "expand_left", "expand_right", "expand_up", "expand_down" }.Sum(k => Int(body, k) ?? 0) <= 0 =>
                "Outpaint needs at least one expansion",
            "general_edit" when string.IsNullOrWhiteSpace(request.Field("prompt")) => "Prompt is required for general_edit",
            _ => null,
        };
    }

    private Task UpscaleAsync(HttpContext context) => OperateAsync(
        context,
        request => (Decode(request.Field("image_base64")), request.Field("mode") ?? "auto", request.Field("preset")) switch
        {
            (null, _, _) => "Invalid base64 image payload",
            (_, var mode and not ("fast" or "conservative" or "creative" or "auto"), _) => $"Unsupported mode: {mode}",
            (_, _, var preset and not (null or "web" or "print" or "social")) => $"Unknown preset: {preset}",
            _ => null,
        },
        request =>
        {
            var body = request.Json ?? [];
            var image = Decode(request.Field("image_base64"))!;
            var width = Int(body, "target_width") ?? (image.Width ?? 8) * 4;
            var height = Int(body, "target_height") ?? (image.Height ?? 8) * 4;
            return new
            {
                success = true,
                mode = request.Field("mode") ?? "auto",
                image_base64 = "data:image/png;base64," + Convert.ToBase64String(TestMedia.Png(Math.Min(width, 256), Math.Min(height, 256))),
                width,
                height,
                metadata = new { preset = request.Field("preset"), original_width = image.Width, original_height = image.Height, upscale_factor = (double)width / (image.Width ?? 8) },
            };
        });

    private Task ControlAsync(HttpContext context) => OperateAsync(
        context,
        request =>
        {
            var operation = request.Field("operation");
            return Decode(request.Field("control_image_base64")) is null ? "Invalid base64 image payload"
                : operation is null || !ControlOperations.Contains(operation) ? $"Unsupported operation: {operation}"
                : string.IsNullOrWhiteSpace(request.Field("prompt")) ? "Prompt is required"
                : operation == "style_transfer" && Decode(request.Field("style_image_base64")) is null ? "style_image_base64 is required for style_transfer"
                : ImageStudioDocument.ControlError(request);
        },
        request => new
        {
            success = true,
            operation = request.Field("operation"),
            provider = "stability",
            image_base64 = "data:image/png;base64," + Convert.ToBase64String(TestMedia.Png(10, 10)),
            width = 1024,
            height = 1024,
            metadata = new { operation = request.Field("operation"), control_strength = request.Field("control_strength") },
        });

    private Task SocialAsync(HttpContext context) => OperateAsync(
        context,
        request =>
        {
            var platforms = Platforms(request);
            return Decode(request.Field("image_base64")) is null ? "Invalid base64 image payload"
                : platforms.Count == 0 ? "At least one platform is required"
                : platforms.FirstOrDefault(p => !PlatformFormats.ContainsKey(p)) is { } unknown ? $"Unsupported platform: {unknown}"
                : ImageStudioDocument.SocialError(request);
        },
        request =>
        {
            var results = Platforms(request).Select(p =>
            {
                var (format, width, height) = PlatformFormats[p];
                var named = request.Json?["format_names"]?[p]?.ToString();
                return new { platform = p, format = named ?? format, image_base64 = "data:image/png;base64," + Convert.ToBase64String(TestMedia.Png(width / 100, height / 100)), width, height };
            }).ToList();
            return new { success = true, results, total_optimized = results.Count };
        });

    private static List<string> Platforms(RecordedRequest request) =>
        (request.Json?["platforms"] as JsonArray)?.Select(p => p?.ToString() ?? "").ToList() ?? [];

    /// <summary>
    /// What every synchronous operation does: check the key, then the request (a 400 naming the problem), count the
    /// job, and answer with the result.
    /// </summary>
    private async Task OperateAsync(HttpContext context, Func<RecordedRequest, string?> validate, Func<RecordedRequest, object> answer)
    {
        var request = await BeginAsync(context, FaultScope.Submit).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        if (validate(request) is { } error)
        {
            await WriteErrorAsync(context, 400, new { detail = error }).ConfigureAwait(false);
            return;
        }

        if (await AcceptAsync(context, request).ConfigureAwait(false))
        {
            await WriteJsonAsync(context, answer(request), FaultScope.Submit).ConfigureAwait(false);
        }
    }

    /// <summary>Counts the job, then applies the after-acceptance faults. False when the answer is already written.</summary>
    private async Task<bool> AcceptAsync(HttpContext context, RecordedRequest request)
    {
        Accept(request);
        if (Faults.DelayAfterAccept > TimeSpan.Zero)
        {
            await Task.Delay(Faults.DelayAfterAccept, context.RequestAborted).ConfigureAwait(false);
        }

        if (Faults.TaskFails)
        {
            await WriteErrorAsync(context, 500, new { detail = $"Image generation failed: {Faults.FailureMessage}" }).ConfigureAwait(false);
            return false;
        }

        return true;
    }

    private static SniffResult? Decode(string? base64)
    {
        if (base64 is null)
        {
            return null;
        }

        var comma = base64.IndexOf(',', StringComparison.Ordinal);
        var payload = base64.StartsWith("data:", StringComparison.Ordinal) && comma > 0 ? base64[(comma + 1)..] : base64;
        try
        {
            return MediaSniffer.Sniff(Convert.FromBase64String(payload));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static int? Int(JsonObject body, string name) => body[name] is JsonValue value && value.TryGetValue<int>(out var n) ? n : null;

    /// <summary>One entry of the emulated template list.</summary>
    public sealed record Template(string Id, string Name, string Category, string Platform, string Ratio, int Width, int Height);
}
