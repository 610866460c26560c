using System.Buffers.Binary;
using ChatBot.Benchmarks.Harness;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatBot.Benchmarks.Relay;

/// <summary>
/// A provider's file host stand-in: <c>GET /video.mp4</c> streams a valid-looking MP4 (ftyp box, then one
/// mdat box) of the given size from one small buffer, so the server itself holds no large body.
/// </summary>
internal static class VideoServer
{
    public const string Path = "video.mp4";

    public static Task<LoopbackServer> StartAsync(long size, CancellationToken cancellationToken) =>
        LoopbackServer.StartAsync(app => app.MapGet("/" + Path, (HttpContext context) => WriteAsync(context, size)), cancellationToken);

    public static byte[] Header(long size)
    {
        var header = new byte[32 + 16];
        BinaryPrimitives.WriteUInt32BigEndian(header, 32);
        "ftypisom"u8.CopyTo(header.AsSpan(4));
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(12), 0x200);
        "isomiso2avc1mp41"u8.CopyTo(header.AsSpan(16));

        // A 64-bit mdat box holding the rest of the file.
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(32), 1);
        "mdat"u8.CopyTo(header.AsSpan(36));
        BinaryPrimitives.WriteUInt64BigEndian(header.AsSpan(40), (ulong)(size - 32));
        return header;
    }

    private static async Task WriteAsync(HttpContext context, long size)
    {
        var response = context.Response;
        response.ContentType = "video/mp4";
        response.ContentLength = size;
        var header = Header(size);
        await response.Body.WriteAsync(header, context.RequestAborted).ConfigureAwait(false);
        var chunk = new byte[64 * 1024];
        Random.Shared.NextBytes(chunk);
        for (var left = size - header.Length; left > 0; left -= chunk.Length)
        {
            await response.Body.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, left)), context.RequestAborted).ConfigureAwait(false);
        }
    }
}
