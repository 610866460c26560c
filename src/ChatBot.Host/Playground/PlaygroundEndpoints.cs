using ChatBot.Core.Catalog;
using ChatBot.Core.Media;
using ChatBot.Host.Playground.Access;

namespace ChatBot.Host.Playground;

/// <summary>
/// The Playground's HTTP API (part of the product: tests and scripts use it) and its page. Every route checks the
/// <c>Host</c> header; the API needs a session or the API token (<see cref="PlaygroundGuard"/>).
/// </summary>
internal static class PlaygroundEndpoints
{
    private static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapPlayground(this IEndpointRouteBuilder endpoints)
    {
        var site = endpoints.MapGroup("").AddEndpointFilter(PlaygroundGuard.CheckHostAsync);
        PlaygroundPage.Map(site);
        var api = site.MapGroup("/api/playground");
        PlaygroundSessionEndpoints.Map(site, api);
        api = api.MapGroup("").AddEndpointFilter(PlaygroundGuard.RequireCallerAsync);
        api.MapPost("/messages", PostMessageAsync);
        api.MapGet("/replies", ListReplies);
        api.MapGet("/replies/{replyId}", GetReply);
        api.MapPost("/replies/{replyId}/buttons/{buttonId}", PressButtonAsync);
        api.MapGet("/events", StreamEventsAsync);
        api.MapGet("/media/{**key}", GetMediaAsync);
        api.MapGet("/models", ListModels);
        return endpoints;
    }

    private static async Task<IResult> PostMessageAsync(HttpContext context, PlaygroundCommands commands, IOptions<PlaygroundOptions> options, IOptions<MediaOptions> media)
    {
        var caller = PlaygroundCaller.Of(context);
        var limits = options.Value;

        // Base64 is 4/3 of the bytes; the per-file cap is checked again, exactly, before decoding.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = (((media.Value.MaxInputBytes * 4 / 3) + 1024) * Math.Max(1, limits.MaxAttachments)) + (64 * 1024);
        }

        if (!context.Request.HasJsonContentType())
        {
            return NotJson();
        }

        PostMessageRequest? body;
        try
        {
            body = await context.Request.ReadFromJsonAsync<PostMessageRequest>(context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return Results.BadRequest(new PlaygroundError("The body must be JSON: {\"user\": \"alice\", \"text\": \"/imagine ...\"}."));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Results.Json(new PlaygroundError("The message is too large."), statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        // A session acts as its own account whatever the body says; the API token acts as the body's user.
        var user = caller.ActingUser(body?.User);
        if (body is null || !PlaygroundUser.IsValid(user))
        {
            return Results.BadRequest(new PlaygroundError($"Pick a user name: 1 to {PlaygroundUser.MaxLength} letters, digits, '.', '_' or '-'."));
        }

        if (string.IsNullOrWhiteSpace(body.Text))
        {
            return Results.BadRequest(new PlaygroundError("The message has no text: type a command such as /imagine a lighthouse at dusk."));
        }

        var attachments = body.Attachments ?? [];
        if (attachments.Count > limits.MaxAttachments)
        {
            return Results.BadRequest(new PlaygroundError($"At most {limits.MaxAttachments} attachments per message."));
        }

        if (attachments.Any(a => a is null))
        {
            return Results.BadRequest(new PlaygroundError("Each attachment must be an object: {\"fileName\": \"cat.png\", \"dataBase64\": \"...\"}."));
        }

        var reply = await commands.PostAsync(user!, caller.IsAdmin, body.Text.Trim(), attachments, context.RequestAborted).ConfigureAwait(false);
        return Results.Created($"/api/playground/replies/{reply.Id}", new ReplyCreated(reply.Id));
    }

    private static IResult NotJson() => Results.Json(
        new PlaygroundError("Send the body as JSON, with the header Content-Type: application/json."),
        statusCode: StatusCodes.Status415UnsupportedMediaType);

    private static IResult ListReplies(HttpContext context, PlaygroundReplyStore store, int? limit) =>
        Results.Ok(store.Recent(Math.Clamp(limit ?? 100, 1, 1000), PlaygroundCaller.Of(context).MaySee).Select(ReplyDto.From));

    private static IResult GetReply(HttpContext context, string replyId, PlaygroundReplyStore store) =>
        store.Get(replyId) is { } reply && PlaygroundCaller.Of(context).MaySee(reply)
            ? Results.Ok(ReplyDto.From(reply))
            : NoSuchReply();

    private static IResult NoSuchReply() =>
        Results.NotFound(new PlaygroundError("No such reply (the channel keeps the latest Playground:MaxReplies replies)."));

    private static async Task<IResult> PressButtonAsync(HttpContext context, string replyId, string buttonId, PlaygroundCommands commands, PlaygroundReplyStore store)
    {
        var caller = PlaygroundCaller.Of(context);
        ButtonPressRequest? body = null;
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            if (!context.Request.HasJsonContentType())
            {
                return NotJson();
            }

            try
            {
                body = await context.Request.ReadFromJsonAsync<ButtonPressRequest>(context.RequestAborted).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                return Results.BadRequest(new PlaygroundError("The body must be JSON: {\"user\": \"alice\", \"prompt\": \"...\"}."));
            }
        }

        if (store.Get(replyId) is { } pressed && !caller.MaySee(pressed))
        {
            return NoSuchReply();
        }

        // Whoever pressed: the signed-in member; with the API token the body's user, by default the one who wrote the message.
        var user = caller.ActingUser(body?.User ?? store.Get(replyId)?.User);
        if (!PlaygroundUser.IsValid(user))
        {
            return Results.BadRequest(new PlaygroundError("Say who pressed the button: {\"user\": \"alice\"}."));
        }

        var reply = await commands.PressAsync(replyId, buttonId, user!, caller.IsAdmin, body?.Prompt?.Trim(), body?.Mask, context.RequestAborted).ConfigureAwait(false);
        return reply is null
            ? Results.NotFound(new PlaygroundError("That button is unknown or malformed."))
            : Results.Created($"/api/playground/replies/{reply.Id}", new ReplyCreated(reply.Id));
    }

    /// <summary>Server-sent events: <c>ready</c> once subscribed, then one <c>reply</c> event (the whole reply) per change.</summary>
    private static async Task StreamEventsAsync(HttpContext context, PlaygroundReplyStore store, IHostApplicationLifetime lifetime)
    {
        var caller = PlaygroundCaller.Of(context);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        try
        {
            // Subscribe before announcing readiness, so a client that waits for "ready" misses nothing.
            var changes = store.SubscribeAsync(stop.Token).GetAsyncEnumerator(stop.Token);
            await using (changes.ConfigureAwait(false))
            {
                var pending = changes.MoveNextAsync();
                await response.WriteAsync("retry: 2000\nevent: ready\ndata: {}\n\n", stop.Token).ConfigureAwait(false);
                await response.Body.FlushAsync(stop.Token).ConfigureAwait(false);
                while (await pending.ConfigureAwait(false))
                {
                    if (!caller.MaySee(changes.Current))
                    {
                        pending = changes.MoveNextAsync();
                        continue;
                    }

                    var json = JsonSerializer.Serialize(ReplyDto.From(changes.Current), EventJson);
                    await response.WriteAsync($"id: {changes.Current.Revision}\nevent: reply\ndata: {json}\n\n", stop.Token).ConfigureAwait(false);
                    await response.Body.FlushAsync(stop.Token).ConfigureAwait(false);
                    pending = changes.MoveNextAsync();
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The client left or the host is stopping: a normal end of the stream.
        }
    }

    private static async Task<IResult> GetMediaAsync(string key, IMediaStore media, PlaygroundReplyStore replies, HttpContext context)
    {
        var caller = PlaygroundCaller.Of(context);
        // A signed-in member gets only the files of replies they may see; the API token gets any stored file.
        if (!caller.ViaApiToken && !replies.Shows(key, caller.MaySee))
        {
            return Results.NotFound();
        }

        var stored = await media.GetAsync(key, context.RequestAborted).ConfigureAwait(false);
        var stream = stored is null ? null : await media.OpenReadAsync(key, context.RequestAborted).ConfigureAwait(false);
        if (stored is null || stream is null)
        {
            return Results.NotFound();
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "private, max-age=86400";
        return Results.Stream(stream, stored.ContentType, enableRangeProcessing: stream.CanSeek);
    }

    private static IResult ListModels(ModelCatalog catalog) =>
        Results.Ok(catalog.Models.Select(m => new ModelSummaryDto(
            m.Id,
            m.DisplayName,
            m.Description,
            [.. m.Operations.Select(o => JsonNamingPolicy.KebabCaseLower.ConvertName(o.ToString()))],
            m.ValuesOf(ParameterNames.AspectRatio))));
}
