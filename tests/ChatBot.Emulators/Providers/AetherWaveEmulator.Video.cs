using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatBot.Emulators.Providers;

/// <summary>
/// Document 003's video extras: the live price list (<c>GET /api/video/pricing</c>, in the bot's reading of its
/// undocumented shape), the video upscalers, and links (<c>imageUrl</c>, <c>audioUrl</c>, <c>videoUrl</c>) the
/// emulator fetches only when it published them itself.
/// </summary>
public sealed partial class AetherWaveEmulator
{
    /// <summary>Live prices that differ from the document's table (credits, per second or per request as the table has it).</summary>
    public Dictionary<string, int> PriceChanges { get; } = new(StringComparer.Ordinal);

    /// <summary><c>GET /api/video/pricing</c> answers 500.</summary>
    public bool PricingFails { get; set; }

    /// <summary>The bytes of each video result (a real MP4 when a test needs ffmpeg to read it).</summary>
    public byte[] VideoBytes { get; set; } = TestMedia.Mp4();

    private static readonly HashSet<string> UpscaleModels = new(StringComparer.Ordinal) { "grok-upscale", "topaz-video-upscale" };

    private void MapVideoExtras(WebApplication app) => app.MapGet("/api/video/pricing", PricingAsync);

    /// <summary>The credits a video model costs per second (or per request), live prices first.</summary>
    private int PriceOf(string model) => PriceChanges.TryGetValue(model, out var live) ? live : VideoModels[model];

    private async Task PricingAsync(HttpContext context)
    {
        if (await BeginAsync(context, FaultScope.Status).ConfigureAwait(false) is null)
        {
            return;
        }

        if (PricingFails)
        {
            await WriteErrorAsync(context, 500, new { error = "Pricing unavailable" }).ConfigureAwait(false);
            return;
        }

        var models = VideoModels.Keys.ToDictionary(m => m, m => new { credits = PriceOf(m), unit = PricedPerSecond.Contains(m) ? "second" : "request" });
        await WriteJsonAsync(context, new { models }, FaultScope.Status).ConfigureAwait(false);
    }

    /// <summary>A link field the emulator could not fetch, as a 400 message; null when every link is its own.</summary>
    private string? LinkError(RecordedRequest request) =>
        new[] { "imageUrl", "audioUrl", "videoUrl" }.FirstOrDefault(f => request.Field(f) is { } url && !CanFetch(url)) is { } field
            ? $"Could not fetch {field}"
            : null;

    /// <summary>The upscalers take a video (<c>videoUrl</c> or a <c>videoData</c> data URL) and no prompt; topaz is priced per second.</summary>
    private static (string? Error, int Cost) Upscale(string model, RecordedRequest request, int price)
    {
        var data = request.Field("videoData");
        if (request.Field("videoUrl") is null && (data is null || !data.StartsWith("data:video/", StringComparison.Ordinal)))
        {
            return ("videoUrl or videoData (a base64 video) is required to upscale", 0);
        }

        var seconds = int.TryParse(request.Field("duration"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 5;
        return (null, PricedPerSecond.Contains(model) ? price * seconds : price);
    }
}
