using System.Text.Json.Nodes;
using ChatBot.Core.Media;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatBot.Emulators.Providers;

/// <summary>
/// Blackwave Studio (document 002): one endpoint, <c>POST /api/v1/generate</c>, the key as <c>token</c> in the
/// JSON body; with <c>stream: true</c> the answer is one JSON status per line (WAITING with queue position →
/// RUNNING → SUCCESS); errors are <c>{"error": code, "message": text}</c>.
/// </summary>
public sealed class BlackwaveEmulator : ProviderEmulator
{
    public static readonly IReadOnlySet<string> Models = new HashSet<string>(StringComparer.Ordinal) { "FLUX-Devfp32", "AniFlux-v4.1" };

    public static readonly IReadOnlySet<string> Loras = new HashSet<string>(StringComparer.Ordinal) { "detail-tweaker", "anime-lineart" };

    private static readonly Dictionary<string, (int Status, string Message)> Errors = new(StringComparer.Ordinal)
    {
        ["invalid_token"] = (401, "Invalid API key"),
        ["insufficient_credits"] = (403, "Not enough credits"),
        ["nsfw_detected"] = (400, "NSFW content detected"),
        ["image_too_large"] = (400, "Input image is too large"),
        ["invalid_mask"] = (400, "Incorrect mask format or size"),
        ["generation_failed"] = (500, "Generation failed"),
        ["job_creation_failed"] = (400, "Job creation failed"),
        ["polling_failed"] = (500, "Polling error"),
        ["lora_mismatch"] = (400, "Incompatible LoRA version"),
        ["model_unavailable"] = (400, "Model not available"),
    };

    private int _next;

    /// <summary>The queue the job waits in: positions counted down from here.</summary>
    public int QueuePosition { get; set; } = 2;

    public int QueueTotal { get; set; } = 10;

    /// <summary>Pause between streamed lines (a silent stream).</summary>
    public TimeSpan LineDelay { get; set; }

    /// <summary>After the first streamed line, the stream goes silent this long (a stalled stream).</summary>
    public TimeSpan StallAfterFirstLine { get; set; }

    public decimal CreditsUsed { get; set; } = 3.5m;

    protected override void Map(WebApplication app) => app.MapPost("/api/v1/generate", GenerateAsync);

    private async Task GenerateAsync(HttpContext context)
    {
        if (await FaultAsync(context, FaultScope.Submit).ConfigureAwait(false))
        {
            return;
        }

        var request = await RecordAsync(context).ConfigureAwait(false);
        var body = request.Json;
        if (body is null)
        {
            await ErrorAsync(context, "job_creation_failed").ConfigureAwait(false);
            return;
        }

        if (Faults.RejectAuth || body["token"]?.ToString() != ApiKey)
        {
            await ErrorAsync(context, "invalid_token").ConfigureAwait(false);
            return;
        }

        var error = Faults.SubmitErrorCode ?? Validate(body);
        if (error is not null)
        {
            await ErrorAsync(context, error).ConfigureAwait(false);
            return;
        }

        var jobId = $"j-{Interlocked.Increment(ref _next):D8}";
        Accept(request);
        if (Faults.DelayAfterAccept > TimeSpan.Zero)
        {
            await Task.Delay(Faults.DelayAfterAccept, context.RequestAborted).ConfigureAwait(false);
        }

        var url = PublishMedia($"{jobId}.png", TestMedia.Png(16, 16), "image/png");
        var success = new { status = "SUCCESS", job_id = jobId, image_url = url, seed = 42424242, file_size = "2.4MB", image_size = "1024x1024", credits_used = CreditsUsed };
        if (body["stream"]?.GetValue<bool>() != true)
        {
            if (Faults.TaskFails)
            {
                await ErrorAsync(context, "generation_failed").ConfigureAwait(false);
                return;
            }

            await WriteJsonAsync(context, success, FaultScope.Submit).ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "application/x-ndjson";
        for (var position = QueuePosition; position >= 1; position--)
        {
            await LineAsync(context, new { status = "WAITING", job_id = jobId, queue_position = position, queue_total = QueueTotal }).ConfigureAwait(false);
            if (StallAfterFirstLine > TimeSpan.Zero)
            {
                await Task.Delay(StallAfterFirstLine, context.RequestAborted).ConfigureAwait(false);
            }
        }

        await LineAsync(context, new { status = "RUNNING", job_id = jobId, progress = "Processing image..." }).ConfigureAwait(false);
        if (Faults.StreamStopsHalfway)
        {
            return;
        }

        if (Faults.TaskFails)
        {
            // Not documented: the failure as a stream line with the documented error shape.
            await LineAsync(context, new { status = "FAILED", job_id = jobId, error = "generation_failed", message = Faults.FailureMessage }).ConfigureAwait(false);
            return;
        }

        await LineAsync(context, success).ConfigureAwait(false);
    }

    private static string? Validate(JsonObject body)
    {
        if (body["model"]?.ToString() is not { } model || !Models.Contains(model))
        {
            return "model_unavailable";
        }

        if (string.IsNullOrWhiteSpace(body["prompt"]?.ToString()))
        {
            return "job_creation_failed";
        }

        foreach (var (name, min, max) in new[] { ("width", 256.0, 1024.0), ("height", 256.0, 1024.0), ("steps", 1.0, 35.0), ("cfg_scale", 1.0, 30.0), ("denoising_strength", 0.0, 1.0) })
        {
            if (body[name] is { } value && (value.GetValue<double>() < min || value.GetValue<double>() > max))
            {
                return "job_creation_failed";
            }
        }

        if (body["nsfw_filter"]?.GetValue<bool>() == true && body["prompt"]!.ToString().Contains("nsfw", StringComparison.OrdinalIgnoreCase))
        {
            return "nsfw_detected";
        }

        if (body["loras"] is JsonObject loras && loras.Any(l => !Loras.Contains(l.Key)))
        {
            return "lora_mismatch";
        }

        SniffResult? image = null;
        if (body["init_image"]?.ToString() is { } init)
        {
            image = Sniff(init);
            if (image is null)
            {
                return "job_creation_failed";
            }

            if (image.Width > 2048 || image.Height > 2048)
            {
                return "image_too_large";
            }
        }

        if (body["mask_image"]?.ToString() is { } maskText)
        {
            var mask = Sniff(maskText);
            if (image is null || mask is null || mask.ContentType != "image/jpeg" || mask.Width != image.Width || mask.Height != image.Height)
            {
                return "invalid_mask";
            }
        }

        return null;
    }

    private static SniffResult? Sniff(string base64)
    {
        try
        {
            return MediaSniffer.Sniff(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private async Task LineAsync(HttpContext context, object line)
    {
        if (LineDelay > TimeSpan.Zero)
        {
            await Task.Delay(LineDelay, context.RequestAborted).ConfigureAwait(false);
        }

        var text = Faults.MalformedJson ? "{\"status\": \"WAIT" : System.Text.Json.JsonSerializer.Serialize(line, JsonOptions);
        await context.Response.WriteAsync(text + "\n", context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static Task ErrorAsync(HttpContext context, string code)
    {
        var (status, message) = Errors.TryGetValue(code, out var e) ? e : (400, code);
        return WriteErrorAsync(context, status, new { error = code, message });
    }
}
