using ChatBot.Slack.Inbound;
using ChatBot.Slack.Inbound.Payloads;

namespace ChatBot.Slack.Http;

/// <summary>
/// HTTP mode: <c>POST /slack/commands</c>, <c>/slack/interactivity</c> and <c>/slack/events</c>. Every
/// request is verified over its raw body before anything is parsed; the answer is an immediate 200
/// (the work runs from the <see cref="SlackInbox"/>), well inside Slack's 3 s.
/// </summary>
internal static class SlackHttpEndpoints
{
    private const int MaxBodyBytes = 1024 * 1024;

    public static async Task<IResult> CommandsAsync(HttpContext context, SlackRequestVerifier verifier, SlackInbox inbox, IOptions<SlackOptions> options, ILogger<SlackInbox> logger)
    {
        var body = await ReadVerifiedAsync(context, verifier, options.Value, logger).ConfigureAwait(false);
        if (body is null)
        {
            return Refusal(context);
        }

        var fields = new JsonObject();
        foreach (var (key, value) in QueryHelpers.ParseQuery(body))
        {
            fields[key] = value.ToString();
        }

        var item = new SlackInboundItem(SlackInboundKind.SlashCommand, JsonSerializer.SerializeToElement(fields));
        return await AcceptAsync(inbox, item, 0, context.RequestAborted).ConfigureAwait(false);
    }

    public static async Task<IResult> InteractivityAsync(HttpContext context, SlackRequestVerifier verifier, SlackInbox inbox, IOptions<SlackOptions> options, ILogger<SlackInbox> logger)
    {
        var body = await ReadVerifiedAsync(context, verifier, options.Value, logger).ConfigureAwait(false);
        if (body is null)
        {
            return Refusal(context);
        }

        var payload = QueryHelpers.ParseQuery(body).TryGetValue("payload", out var p) ? p.ToString() : "";
        JsonElement json;
        try
        {
            json = JsonDocument.Parse(payload).RootElement.Clone();
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        return await AcceptAsync(inbox, new SlackInboundItem(SlackInboundKind.Interaction, json), 0, context.RequestAborted).ConfigureAwait(false);
    }

    public static async Task<IResult> EventsAsync(HttpContext context, SlackRequestVerifier verifier, SlackInbox inbox, IOptions<SlackOptions> options, ILogger<SlackInbox> logger)
    {
        var body = await ReadVerifiedAsync(context, verifier, options.Value, logger).ConfigureAwait(false);
        if (body is null)
        {
            return Refusal(context);
        }

        JsonElement json;
        SlackEventsRequest? request;
        try
        {
            json = JsonDocument.Parse(body).RootElement.Clone();
            request = json.Deserialize(SlackJsonContext.Default.SlackEventsRequest);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        if (request?.Type == "url_verification")
        {
            return Results.Json(new Dictionary<string, string>(StringComparer.Ordinal) { ["challenge"] = request.Challenge ?? "" });
        }

        if (request?.Type != "event_callback")
        {
            return Results.Ok();
        }

        var retry = int.TryParse(context.Request.Headers["X-Slack-Retry-Num"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        return await AcceptAsync(inbox, new SlackInboundItem(SlackInboundKind.Event, json), retry, context.RequestAborted).ConfigureAwait(false);
    }

    private static IResult Refusal(HttpContext context) =>
        context.Response.StatusCode == StatusCodes.Status404NotFound ? Results.NotFound() : Results.Unauthorized();

    private static async Task<IResult> AcceptAsync(SlackInbox inbox, SlackInboundItem item, int retry, CancellationToken cancellationToken)
    {
        // A duplicate (Slack's retry of something already handled) is answered 200 too, so Slack stops retrying.
        await inbox.AcceptAsync(item with { RetryAttempt = retry }, cancellationToken).ConfigureAwait(false);
        return Results.Ok();
    }

    /// <summary>The raw body when the signature holds; null (and the status set) otherwise.</summary>
    private static async Task<string?> ReadVerifiedAsync(HttpContext context, SlackRequestVerifier verifier, SlackOptions options, ILogger logger)
    {
        if (!options.Enabled || string.IsNullOrEmpty(options.SigningSecret))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return null;
        }

        // The signature covers the exact bytes Slack sent: read them before any form parsing.
        context.Request.EnableBuffering(MaxBodyBytes);
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                logger.RequestRefused(context.Request.Path, "body too large");
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        context.Request.Body.Position = 0;
        var raw = buffer.ToArray();
        var verdict = verifier.Verify(
            context.Request.Headers["X-Slack-Request-Timestamp"].ToString(),
            context.Request.Headers["X-Slack-Signature"].ToString(),
            raw);
        if (verdict != SlackVerification.Valid)
        {
            logger.RequestRefused(context.Request.Path, verdict.ToString());
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return null;
        }

        return Encoding.UTF8.GetString(raw);
    }
}
