namespace ChatBot.Host.Playground.Access;

/// <summary>
/// Who sent an API request: a signed-in account (<see cref="Identity"/>), or a script holding
/// <c>Playground:ApiToken</c>, which acts as the user its body names and sees every reply, as the API always did.
/// </summary>
internal sealed record PlaygroundCaller(PlaygroundIdentity? Identity)
{
    public static readonly PlaygroundCaller ApiToken = new((PlaygroundIdentity?)null);

    public bool ViaApiToken => Identity is null;

    /// <summary>
    /// The caller <see cref="PlaygroundGuard.RequireCallerAsync"/> established. (Not a bound parameter: minimal APIs
    /// bind parameters before endpoint filters run.)
    /// </summary>
    public static PlaygroundCaller Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[typeof(PlaygroundCaller)] as PlaygroundCaller
            ?? throw new InvalidOperationException("The route has no PlaygroundGuard.RequireCallerAsync filter.");
    }

    internal void AttachTo(HttpContext context) => context.Items[typeof(PlaygroundCaller)] = this;

    /// <summary>The user name a request acts as: the signed-in one, or for the API token the one its body names.</summary>
    public string? ActingUser(string? named) => Identity?.Name ?? named;

    /// <summary>Whether the request's admin rights come from the session (true/false) or from <see cref="PlaygroundAdmin"/> (null).</summary>
    public bool? IsAdmin => Identity?.IsAdmin;

    /// <summary>A private reply is shown only to the member who asked; everything else to everyone signed in.</summary>
    public bool MaySee(PlaygroundReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return Identity is null
            || !reply.Ephemeral
            || string.Equals(PlaygroundUser.ToUserId(reply.User), Identity.UserId, StringComparison.Ordinal);
    }
}
