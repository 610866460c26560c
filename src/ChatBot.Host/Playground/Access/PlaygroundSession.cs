using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ChatBot.Host.Playground.Access;

/// <summary>
/// The Playground's sign-in session: ASP.NET Core cookie authentication (HttpOnly, SameSite=Strict, Secure when the
/// public address is https) and antiforgery tokens that every state-changing request sends in <see cref="CsrfHeader"/>.
/// </summary>
internal static class PlaygroundSession
{
    public const string Scheme = "Playground";
    public const string CsrfHeader = "X-CSRF-Token";

    public static IServiceCollection AddPlaygroundSession(this IServiceCollection services)
    {
        services.AddAuthentication().AddCookie(Scheme);
        services.AddOptions<CookieAuthenticationOptions>(Scheme).Configure<IOptions<PlaygroundOptions>>((cookie, playground) =>
        {
            cookie.Cookie.Name = "chatbot.session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = playground.Value.IsHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = playground.Value.SessionLifetime;
            cookie.SlidingExpiration = true;

            // An API answers 401/403; it never redirects to a login page.
            cookie.Events.OnRedirectToLogin = context => Status(context.Response, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => Status(context.Response, StatusCodes.Status403Forbidden);
        });
        services.AddAntiforgery();
        services.AddOptions<AntiforgeryOptions>().Configure<IOptions<PlaygroundOptions>>((antiforgery, playground) =>
        {
            antiforgery.HeaderName = CsrfHeader;
            antiforgery.Cookie.Name = "chatbot.csrf";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = playground.Value.IsHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }

    /// <summary>The signed-in account, if the request carries a valid session cookie; it becomes the request's user.</summary>
    public static async Task<PlaygroundIdentity?> ReadAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await context.AuthenticateAsync(Scheme).ConfigureAwait(false);
        if (result.Succeeded && PlaygroundIdentity.From(result.Principal) is { } identity)
        {
            context.User = result.Principal;
            return identity;
        }

        return null;
    }

    /// <summary>Starts a session for <paramref name="identity"/>; later antiforgery tokens of this request are bound to it.</summary>
    public static async Task SignInAsync(HttpContext context, PlaygroundIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(identity);
        var principal = identity.ToPrincipal();
        await context.SignInAsync(Scheme, principal).ConfigureAwait(false);
        context.User = principal;
    }

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
