using ChatBot.Benchmarks.Harness;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace ChatBot.Benchmarks.Relay;

/// <summary>
/// A platform upload stand-in: <c>POST /upload</c> takes a multipart body (Discord's <c>payload_json</c> +
/// <c>files[0]</c> shape) and reads every part to its end without keeping it; answers the byte count.
/// </summary>
internal static class UploadSink
{
    public const string Path = "upload";

    public static Task<LoopbackServer> StartAsync(CancellationToken cancellationToken) =>
        LoopbackServer.StartAsync(app => app.MapPost("/" + Path, (Func<HttpContext, Task<IResult>>)ReceiveAsync), cancellationToken);

    private static async Task<IResult> ReceiveAsync(HttpContext context)
    {
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(context.Request.ContentType).Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            return Results.BadRequest();
        }

        var reader = new MultipartReader(boundary, context.Request.Body);
        long bytes = 0;
        var buffer = new byte[64 * 1024];
        while (await reader.ReadNextSectionAsync(context.RequestAborted).ConfigureAwait(false) is { } section)
        {
            int n;
            while ((n = await section.Body.ReadAsync(buffer, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                bytes += n;
            }
        }

        return Results.Ok(new { bytes });
    }
}
