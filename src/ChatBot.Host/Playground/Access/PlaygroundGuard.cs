using System.Net;
using Microsoft.AspNetCore.Antiforgery;

namespace ChatBot.Host.Playground.Access;

/// <summary>
/// The checks in front of the Playground's routes: the <c>Host</c> header (against DNS rebinding), the caller (a
/// session or the API token) and, for a session's state-changing request, its antiforgery token.
/// </summary>
internal static class PlaygroundGuard
{
    /// <summary>Every Playground route: the <c>Host</c> header must name this machine's loopback or <c>Playground:PublicBaseUrl</c>.</summary>
    public static async ValueTask<object?> CheckHostAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var options = context.RequestServices.GetRequiredService<IOptions<PlaygroundOptions>>().Value;
        if (!IsAllowedHost(context.Request.Host, options))
        {
            return Results.Json(
                new PlaygroundError("This address is not one the Playground answers on: use http://127.0.0.1 or localhost, or set Playground:PublicBaseUrl."),
                statusCode: StatusCodes.Status421MisdirectedRequest);
        }

        return await next(invocation).ConfigureAwait(false);
    }

    /// <summary>Sign-in routes: a state-changing request needs the antiforgery token, with or without a session.</summary>
    public static async ValueTask<object?> CheckCsrfAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        await PlaygroundSession.ReadAsync(context).ConfigureAwait(false);
        return await IsCsrfValidAsync(context).ConfigureAwait(false) ? await next(invocation).ConfigureAwait(false) : CsrfRefused();
    }

    /// <summary>API routes: a signed-in account or the API token; a session's POST or DELETE also needs the antiforgery token.</summary>
    public static async ValueTask<object?> RequireCallerAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var options = context.RequestServices.GetRequiredService<IOptions<PlaygroundOptions>>().Value;
        PlaygroundCaller caller;
        if (context.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization)
        {
            const string Bearer = "Bearer ";
            if (!authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase)
                || !Secrets.Equal(authorization[Bearer.Length..].Trim(), options.ApiToken))
            {
                return Unauthorized("The Authorization header does not carry the API token (Playground:ApiToken), or API tokens are off.");
            }

            caller = PlaygroundCaller.ApiToken;
        }
        else if (await PlaygroundSession.ReadAsync(context).ConfigureAwait(false) is { } identity)
        {
            if (!await IsCsrfValidAsync(context).ConfigureAwait(false))
            {
                return CsrfRefused();
            }

            caller = new PlaygroundCaller(identity);
        }
        else
        {
            return Unauthorized("Sign in first: open the Playground page, or send Authorization: Bearer <Playground:ApiToken>.");
        }

        caller.AttachTo(context);
        return await next(invocation).ConfigureAwait(false);
    }

    internal static bool IsAllowedHost(HostString host, PlaygroundOptions options)
    {
        if (!host.HasValue)
        {
            return false;
        }

        var name = host.Host.Trim('[', ']');
        if (string.Equals(name, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(name, out var address) && IPAddress.IsLoopback(address)))
        {
            return true;
        }

        return options.PublicBaseUrl is { IsAbsoluteUri: true } publicUrl
            && string.Equals(publicUrl.IdnHost.Trim('[', ']'), name, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<bool> IsCsrfValidAsync(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
        || await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context).ConfigureAwait(false);

    private static IResult CsrfRefused() => Results.Json(
        new PlaygroundError($"The request has no valid {PlaygroundSession.CsrfHeader} header: reload the page and try again."),
        statusCode: StatusCodes.Status403Forbidden);

    private static IResult Unauthorized(string message) => Results.Json(new PlaygroundError(message), statusCode: StatusCodes.Status401Unauthorized);
}
