using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ChatBot.Emulators.Slack;

public sealed partial class SlackEmulator
{
    private async Task HandleUploadAsync(HttpContext context, string fileId)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        var bytes = buffer.ToArray();
        var contentType = context.Request.ContentType ?? "application/octet-stream";
        int status;
        lock (_gate)
        {
            var file = _files.GetValueOrDefault(fileId);
            if (file is null || file.Completed)
            {
                status = 404;
            }
            else if (bytes.LongLength != file.DeclaredLength)
            {
                status = 400;
            }
            else
            {
                file.Bytes = bytes;
                file.Mimetype = contentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) ? "application/octet-stream" : contentType;
                status = 200;
            }

            Changed();
        }

        context.Response.StatusCode = status;
        await context.Response.WriteAsync(status == 200 ? $"OK - {bytes.Length}" : "upload_failed", context.RequestAborted).ConfigureAwait(false);
    }

    private IResult HandleDownload(HttpContext context, string teamFile, string name)
    {
        var fileId = teamFile[(teamFile.IndexOf('-', StringComparison.Ordinal) + 1)..];
        var authorized = BearerToken(context.Request) == BotToken;
        SlackEmulatedFile? file;
        lock (_gate)
        {
            file = _files.GetValueOrDefault(fileId);
            _downloads.Add(fileId + (authorized ? ":authorized" : ":refused"));
            Changed();
        }

        if (file?.Bytes is null)
        {
            return Results.NotFound();
        }

        // Without the bot token Slack serves its sign-in page with status 200, not the file.
        return authorized
            ? Results.Bytes(file.Bytes, file.Mimetype)
            : Results.Content("<!DOCTYPE html><html><body>Sign in to Slack</body></html>", "text/html", Encoding.UTF8);
    }

    private async Task HandleResponseUrlAsync(HttpContext context, string id)
    {
        using var reader = new StreamReader(context.Request.Body);
        var raw = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var body = JsonNode.Parse(raw) as JsonObject ?? [];
        bool accepted;
        lock (_gate)
        {
            var known = _responseUrlUses.TryGetValue(id, out var uses);
            accepted = known && uses < 5;
            if (known)
            {
                _responseUrlUses[id] = uses + 1;
            }

            RecordMentions("response_url", Text(body, "text"), Blocks(body));
            _responsePosts.Add(new SlackResponseUrlPost(NextSequence(), id, body, accepted));
            Changed();
        }

        context.Response.StatusCode = accepted ? 200 : 404;
        await context.Response.WriteAsync(accepted ? "ok" : "used_url", context.RequestAborted).ConfigureAwait(false);
    }
}
