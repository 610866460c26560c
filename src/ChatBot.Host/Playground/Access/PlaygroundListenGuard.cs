using System.Net;

namespace ChatBot.Host.Playground.Access;

/// <summary>
/// Refuses to start a Playground that strangers could reach with nobody's password: listening on an address other
/// than loopback (a container, <c>--urls http://0.0.0.0:…</c>) needs <c>Playground:AdminPassword</c>.
/// </summary>
internal static class PlaygroundListenGuard
{
    /// <summary>The one line that says why the host will not start, or null when it may.</summary>
    public static string? Refusal(IConfiguration configuration, PlaygroundOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Enabled != true || options.HasAdminPassword)
        {
            return null;
        }

        var exposed = ListenAddresses(configuration).FirstOrDefault(url => !IsLoopback(url));
        return exposed is null
            ? null
            : $"Refusing to start: the Playground would listen on {exposed}, which is not a loopback address, without a password. "
              + "Set Playground:AdminPassword (ChatBot__Playground__AdminPassword), listen on 127.0.0.1, or set Playground:Enabled=false.";
    }

    private static IEnumerable<string> ListenAddresses(IConfiguration configuration)
    {
        foreach (var url in Split(configuration["urls"]))
        {
            yield return url;
        }

        foreach (var port in Split(configuration["http_ports"]).Concat(Split(configuration["https_ports"])))
        {
            yield return $"http://*:{port}";
        }

        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { Length: > 0 } url)
            {
                yield return url;
            }
        }
    }

    private static IEnumerable<string> Split(string? list) =>
        (list ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool IsLoopback(string url)
    {
        // Kestrel's wildcards ("http://*:80", "http://+:80") and anything unparsable count as every interface.
        if (!Uri.TryCreate(url.Replace("://*", "://wildcard", StringComparison.Ordinal).Replace("://+", "://wildcard", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return false;
        }

        var host = uri.Host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }
}
