using ChatBot.Core.Commands.Regions;
using ChatBot.Core.Media;
using ChatBot.Core.Platform;
using ChatBot.Host.Playground;
using ChatBot.Host.Playground.Access;

namespace ChatBot.Host.Regions;

/// <summary>
/// The Vary (Region) editor for Discord and Slack members: <c>/region?t=…</c> (the page), its script and style (the
/// Playground's overlay uses them too), and the token-checked <c>info</c>, <c>image</c> and <c>submit</c>. The signed
/// token is the only credential: no cookie is read, so there is nothing to forge across sites.
/// </summary>
internal static partial class RegionEditorEndpoints
{
    private static readonly (string Path, string Resource, string ContentType)[] Files =
    [
        ("/region", "region/region.html", "text/html; charset=utf-8"),
        ("/region/page.js", "region/page.js", "text/javascript; charset=utf-8"),
        ("/region/editor.js", "region/editor.js", "text/javascript; charset=utf-8"),
        ("/region/editor.css", "region/editor.css", "text/css; charset=utf-8"),
    ];

    public static IEndpointRouteBuilder MapRegionEditor(this IEndpointRouteBuilder endpoints)
    {
        var site = endpoints.MapGroup("").AddEndpointFilter(CheckHostAsync);
        PlaygroundPage.MapFiles(site, Files);
        site.MapGet("/region/info", InfoAsync);
        site.MapGet("/region/image", ImageAsync);
        site.MapPost("/region/submit", SubmitAsync);
        return endpoints;
    }

    private static async ValueTask<object?> CheckHostAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var options = context.RequestServices.GetRequiredService<IOptions<RegionEditorOptions>>().Value;
        return PlaygroundGuard.IsAllowedHost(context.Request.Host, new PlaygroundOptions { PublicBaseUrl = options.PublicBaseUrl })
            ? await next(invocation).ConfigureAwait(false)
            : Results.Json(new RegionError("This address is not one the bot answers on: open the link the bot gave you."), statusCode: StatusCodes.Status421MisdirectedRequest);
    }

    private static async Task<IResult> InfoAsync(string? t, RegionLinkSigner signer, RegionMasks masks, HttpContext context)
    {
        var (grant, refusal) = signer.Read(t);
        if (grant is null)
        {
            return refusal!.ToResult();
        }

        if (await masks.SourceAsync(grant.JobId, grant.OutputIndex, grant.Actor, context.RequestAborted).ConfigureAwait(false) is not var (job, image))
        {
            return NoPicture();
        }

        return Results.Ok(new RegionInfo(
            "/region/image?t=" + Uri.EscapeDataString(t!), image.Width, image.Height, job.Spec.Options.Prompt ?? "", grant.DisplayName,
            DateTimeOffset.FromUnixTimeSeconds(grant.ExpiresAtUnixSeconds)));
    }

    private static async Task<IResult> ImageAsync(string? t, RegionLinkSigner signer, RegionMasks masks, IMediaStore media, HttpContext context)
    {
        var (grant, refusal) = signer.Read(t);
        if (grant is null)
        {
            return refusal!.ToResult();
        }

        if (await masks.SourceAsync(grant.JobId, grant.OutputIndex, grant.Actor, context.RequestAborted).ConfigureAwait(false) is not var (_, image)
            || await media.OpenReadAsync(image.Key, context.RequestAborted).ConfigureAwait(false) is not { } stream)
        {
            return NoPicture();
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "private, no-store";
        return Results.Stream(stream, image.ContentType);
    }

    private static async Task<IResult> SubmitAsync(
        HttpContext context, RegionLinkSigner signer, RegionMasks masks, IEnumerable<IChannelCommandRelay> relays, ILoggerFactory loggers)
    {
        if (!context.Request.HasJsonContentType())
        {
            return Results.Json(new RegionError("Send the body as JSON, with the header Content-Type: application/json."), statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        RegionSubmitRequest? body;
        try
        {
            body = await context.Request.ReadFromJsonAsync<RegionSubmitRequest>(context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return Results.BadRequest(new RegionError("The body must be JSON: {\"token\": \"…\", \"prompt\": \"…\", \"mask\": \"…\"}."));
        }

        var (grant, refusal) = signer.Read(body?.Token);
        if (grant is null)
        {
            return refusal!.ToResult();
        }

        var prompt = body!.Prompt?.Trim();
        if (string.IsNullOrEmpty(prompt))
        {
            return Results.BadRequest(new RegionError("Describe what should appear in the painted area."));
        }

        if (relays.FirstOrDefault(r => r.Platform == grant.Platform) is not { } relay)
        {
            return Results.BadRequest(new RegionError("This link is for a chat the bot does not serve here."));
        }

        var (mask, model, problem) = await masks.PrepareAsync(grant.JobId, grant.OutputIndex, grant.Actor, body.Mask, context.RequestAborted).ConfigureAwait(false);
        if (mask is null)
        {
            return Results.BadRequest(new RegionError(problem!));
        }

        var outcome = await relay.DispatchAsync(
            grant.Actor,
            grant.Conversation,
            reply => RegionEdit.ToRequest(grant.JobId, grant.OutputIndex, grant.Actor, grant.Conversation, reply, prompt, mask, model),
            context.RequestAborted).ConfigureAwait(false);
        LogSubmitted(loggers.CreateLogger(typeof(RegionEditorEndpoints)), grant.Platform, grant.UserId, grant.JobId, outcome.GetType().Name);
        return outcome switch
        {
            CommandOutcome.Accepted accepted => Results.Json(
                new RegionStarted(accepted.JobId, "Started: the new picture will appear in the conversation where you pressed Vary (Region)."),
                statusCode: StatusCodes.Status202Accepted),
            CommandOutcome.Info info => Results.Ok(new RegionStarted(null, info.Text)),
            CommandOutcome.Refused refused => Results.UnprocessableEntity(new RegionError(refused.Message)),
            _ => Results.UnprocessableEntity(new RegionError("That did not work.")),
        };
    }

    private static IResult NoPicture() => Results.NotFound(new RegionError("I can't find that picture any more, so it can't be painted on."));

    [LoggerMessage(6610, LogLevel.Information, "Region editor: {Platform} member {UserId} submitted a region of job {JobId}: {Outcome}")]
    private static partial void LogSubmitted(ILogger logger, string platform, string userId, string jobId, string outcome);
}
