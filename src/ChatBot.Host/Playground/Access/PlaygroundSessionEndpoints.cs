using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace ChatBot.Host.Playground.Access;

/// <summary>Signing in and out, accounts and invites, and the one-time start-up link.</summary>
internal static partial class PlaygroundSessionEndpoints
{
    public static void Map(IEndpointRouteBuilder site, IEndpointRouteBuilder api)
    {
        site.MapGet(PlaygroundSignInLink.Path, UseLinkAsync);
        var session = api.MapGroup("").AddEndpointFilter(PlaygroundGuard.CheckCsrfAsync);
        session.MapGet("/session", (Delegate)GetSession);
        session.MapPost("/session", SignInAsync);
        session.MapDelete("/session", (Delegate)SignOutAsync);
        session.MapPost("/members", RegisterAsync);
        api.MapPost("/invites", Invite).AddEndpointFilter(PlaygroundGuard.RequireCallerAsync);
    }

    private static IResult GetSession(HttpContext context) => Results.Ok(Describe(context, PlaygroundIdentity.From(context.User)));

    private static async Task<IResult> SignInAsync(HttpContext context, PlaygroundAccounts accounts, ILogger<PlaygroundAccounts> logger)
    {
        if (await ReadAsync(context).ConfigureAwait(false) is not { } body)
        {
            return Results.BadRequest(new PlaygroundError("Send {\"user\": \"alice\", \"password\": \"...\"} as JSON."));
        }

        var identity = await accounts.CheckAsync(body.User!, body.Password!, context.RequestAborted).ConfigureAwait(false);
        if (identity is null)
        {
            LogRefused(logger, PlaygroundUser.ToUserId(body.User!));
            return Results.Json(new PlaygroundError("That name and password do not match an account."), statusCode: StatusCodes.Status401Unauthorized);
        }

        await PlaygroundSession.SignInAsync(context, identity).ConfigureAwait(false);
        LogSignedIn(logger, identity.UserId, "password");
        return Results.Ok(Describe(context, identity));
    }

    private static async Task<IResult> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(PlaygroundSession.Scheme).ConfigureAwait(false);
        context.User = new();
        return Results.Ok(Describe(context, null));
    }

    private static async Task<IResult> RegisterAsync(HttpContext context, PlaygroundAccounts accounts, ILogger<PlaygroundAccounts> logger)
    {
        if (await ReadAsync(context).ConfigureAwait(false) is not { } body)
        {
            return Results.BadRequest(new PlaygroundError($"Send {{\"user\": \"alice\", \"password\": \"...\", \"invite\": \"...\"}} as JSON; a name is 1 to {PlaygroundUser.MaxLength} letters, digits, '.', '_' or '-'."));
        }

        var (member, error) = await accounts.RegisterAsync(body.User!, body.Password!, body.Invite, context.RequestAborted).ConfigureAwait(false);
        if (member is null)
        {
            return Results.BadRequest(new PlaygroundError(error!));
        }

        await PlaygroundSession.SignInAsync(context, member).ConfigureAwait(false);
        LogRegistered(logger, member.UserId, body.Invite is { Length: > 0 } ? "invite" : "registration");
        return Results.Ok(Describe(context, member));
    }

    private static IResult Invite(HttpContext context, PlaygroundAccounts accounts, TimeProvider time, ILogger<PlaygroundAccounts> logger)
    {
        if (PlaygroundCaller.Of(context).Identity is not { IsAdmin: true } admin)
        {
            return Results.Json(new PlaygroundError("Only the admin may invite members."), statusCode: StatusCodes.Status403Forbidden);
        }

        var invite = accounts.CreateInvite();
        LogInvited(logger, admin.UserId);
        return Results.Ok(new InviteDto(new Uri(BaseAddress(context), "/?invite=" + Uri.EscapeDataString(invite)).ToString(), time.GetUtcNow() + TimeSpan.FromDays(7)));
    }

    /// <summary>The start-up link: signs in as the admin once, then the page; a spent or unknown token says so on the page.</summary>
    private static async Task<IResult> UseLinkAsync(HttpContext context, string? token, PlaygroundSignInLink link, PlaygroundAccounts accounts, ILogger<PlaygroundAccounts> logger)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (!link.TryUse(token, BaseAddress(context)))
        {
            return Results.Redirect("/?link=used");
        }

        var admin = accounts.Admin();
        await PlaygroundSession.SignInAsync(context, admin).ConfigureAwait(false);
        LogSignedIn(logger, admin.UserId, "one-time link");
        return Results.Redirect("/");
    }

    private static async Task<SignInRequest?> ReadAsync(HttpContext context)
    {
        if (!context.Request.HasJsonContentType())
        {
            return null;
        }

        try
        {
            var body = await context.Request.ReadFromJsonAsync<SignInRequest>(context.RequestAborted).ConfigureAwait(false);
            return body is { Password: { Length: > 0 and <= PlaygroundAccounts.MaxPasswordLength } } && PlaygroundUser.IsValid(body.User) ? body : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static SessionDto Describe(HttpContext context, PlaygroundIdentity? identity)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<PlaygroundOptions>>().Value;
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return new SessionDto(identity?.Name, identity?.IsAdmin ?? false, options.AllowRegistration, tokens.RequestToken);
    }

    private static Uri BaseAddress(HttpContext context) => new($"{context.Request.Scheme}://{context.Request.Host}/");

    [LoggerMessage(6202, LogLevel.Information, "Playground sign-in of {UserId} ({Method})")]
    private static partial void LogSignedIn(ILogger logger, string userId, string method);

    [LoggerMessage(6203, LogLevel.Warning, "Playground sign-in refused for {UserId}: wrong name or password")]
    private static partial void LogRefused(ILogger logger, string userId);

    [LoggerMessage(6204, LogLevel.Information, "Playground account {UserId} created (by {Method})")]
    private static partial void LogRegistered(ILogger logger, string userId, string method);

    [LoggerMessage(6205, LogLevel.Information, "Playground invite link created by {UserId}")]
    private static partial void LogInvited(ILogger logger, string userId);
}
