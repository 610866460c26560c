using System.Collections.Concurrent;
using ChatBot.Core.Media;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatBot.Emulators.Providers;

/// <summary>
/// AetherForge (document 004): <c>POST /public/v1/generate/image</c> (multipart <c>prompt</c>, <c>ai_model</c>,
/// <c>ref_images</c>; Bearer auth) answers <c>{"job_id"}</c>; <c>GET /public/v1/job/{job_id}</c> moves
/// Pending → Succeed (<c>image_urls</c>) or Failed. Error bodies are <c>{"message": ...}</c> (the document
/// gives only the message texts).
/// </summary>
public sealed class AetherForgeEmulator : ProviderEmulator
{
    public static readonly IReadOnlySet<string> Models = new HashSet<string>(StringComparer.Ordinal)
    {
        "GPT Image 1.5", "GPT Image 2", "Grok Imagine", "Grok Imagine Pro", "Nano Banana", "Nano Banana 2", "Nano Banana Pro",
    };

    private readonly ConcurrentDictionary<string, PolledJob> _jobs = new(StringComparer.Ordinal);

    protected override void Map(WebApplication app)
    {
        app.MapPost("/public/v1/generate/image", GenerateAsync);
        app.MapGet("/public/v1/job/{jobId}", JobAsync);
    }

    protected override object KeyRejection => new { message = "Invalid API key" };

    private async Task GenerateAsync(HttpContext context)
    {
        var request = await BeginAsync(context, FaultScope.Submit).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        var model = request.Field("ai_model");
        var refs = request.Files.Where(f => f.Field == "ref_images").ToList();
        string? error = null;
        if (string.IsNullOrWhiteSpace(request.Field("prompt")) || model is null || !Models.Contains(model))
        {
            error = "Invalid request";
        }
        else if (refs.Any(f => MediaSniffer.Sniff(f.Bytes)?.Kind != MediaKind.Image))
        {
            error = "Invalid image file";
        }
        else if (model == "Grok Imagine" && refs.Count > 5)
        {
            error = "The Grok Imagine model supports up to 5 ref_images.";
        }
        else if (model == "Grok Imagine Pro" && refs.Count > 1)
        {
            error = "The Grok Imagine Pro model supports up to 1 ref_images.";
        }
        else if (refs.Count > 10)
        {
            error = "ref_images supports up to 10 images only";
        }

        if (error is not null)
        {
            await WriteErrorAsync(context, 400, new { message = error }).ConfigureAwait(false);
            return;
        }

        var id = Guid.NewGuid().ToString();
        _jobs[id] = new PolledJob();
        Accept(request);
        if (Faults.DelayAfterAccept > TimeSpan.Zero)
        {
            await Task.Delay(Faults.DelayAfterAccept, context.RequestAborted).ConfigureAwait(false);
        }

        await WriteJsonAsync(context, new { job_id = id }, FaultScope.Submit).ConfigureAwait(false);
    }

    private Task JobAsync(HttpContext context, string jobId) => PollAsync(
        context,
        _jobs,
        jobId,
        notFound: new { message = "Job not found" },
        working: (_, _) => new { job_id = jobId, status = "Pending" },
        failed: _ => new { job_id = jobId, status = "Failed", message = Faults.FailureMessage },
        done: _ => new { job_id = jobId, status = "Succeed", image_urls = new[] { PublishMedia($"{jobId}.png", TestMedia.Png(16, 16), "image/png") } });
}
