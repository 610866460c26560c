namespace ChatBot.Host.Playground.Access;

/// <summary>
/// With no admin password set, the one-time sign-in link the host prints at start-up (as Jupyter does): a random
/// token that signs its user in as the admin once. Using it prints the next one, for another browser.
/// </summary>
internal sealed partial class PlaygroundSignInLink(IOptions<PlaygroundOptions> options, IServer server, IHostApplicationLifetime lifetime, ILogger<PlaygroundSignInLink> logger)
    : IHostedService
{
    public const string Path = "/signin";

    private string? _token = options.Value is { Enabled: true, HasAdminPassword: false } ? Secrets.NewToken() : null;

    /// <summary>The token the next use of the link must carry, or null when sign-in links are off.</summary>
    public string? Token => Volatile.Read(ref _token);

    public static string PathFor(string token) => $"{Path}?token={Uri.EscapeDataString(token)}";

    /// <summary>Spends the token; true for the one request that carried the current one.</summary>
    public bool TryUse(string? token, Uri baseAddress)
    {
        var current = Token;
        if (current is null || !Secrets.Equal(token, current))
        {
            return false;
        }

        var next = Secrets.NewToken();
        if (!ReferenceEquals(Interlocked.CompareExchange(ref _token, next, current), current))
        {
            return false;
        }

        LogUsed(logger, new Uri(baseAddress, PathFor(next)).ToString());
        return true;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            if (Token is { } token && server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() is { } address)
            {
                LogLink(logger, new Uri(new Uri(address.Replace("://[::]", "://localhost", StringComparison.Ordinal)), PathFor(token)).ToString());
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(6200, LogLevel.Warning, "No Playground:AdminPassword is set: sign in to the Playground as the admin with this one-time link: {Link}")]
    private static partial void LogLink(ILogger logger, string link);

    [LoggerMessage(6201, LogLevel.Warning, "The one-time sign-in link was used; the next one (for another browser): {Link}")]
    private static partial void LogUsed(ILogger logger, string link);
}
