using System.Security.Claims;

namespace ChatBot.Host.Playground.Access;

/// <summary>A signed-in Playground account as its session cookie carries it.</summary>
internal sealed record PlaygroundIdentity(string Name, bool IsAdmin)
{
    public const string AdminClaim = "playground:admin";

    public string UserId => PlaygroundUser.ToUserId(Name);

    public ClaimsPrincipal ToPrincipal() => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, UserId),
            new Claim(ClaimTypes.Name, Name),
            new Claim(AdminClaim, IsAdmin ? "true" : "false"),
        ],
        PlaygroundSession.Scheme));

    public static PlaygroundIdentity? From(ClaimsPrincipal? principal) =>
        principal?.FindFirst(ClaimTypes.Name)?.Value is { Length: > 0 } name && PlaygroundUser.IsValid(name)
            ? new PlaygroundIdentity(name, principal.FindFirst(AdminClaim)?.Value == "true")
            : null;
}
