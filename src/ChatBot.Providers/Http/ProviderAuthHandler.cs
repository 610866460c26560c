namespace ChatBot.Providers.Http;

/// <summary>
/// Adds a provider's key to requests for its own API host, and only there: result downloads from a CDN
/// never carry the key.
/// </summary>
internal sealed class ProviderAuthHandler(IOptionsMonitor<ProviderOptions> options, string section, ProviderAuthScheme scheme) : DelegatingHandler
{
    public const string AetherWaveKeyHeader = "X-AW-Key";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var current = options.Get(section);
        if (current.ApiKey is { Length: > 0 } key
            && current.BaseUrl is { } baseUrl
            && request.RequestUri is { } target
            && Uri.Compare(target, baseUrl, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)
        {
            switch (scheme)
            {
                case ProviderAuthScheme.AetherWaveKeyHeader:
                    request.Headers.Remove(AetherWaveKeyHeader);
                    request.Headers.TryAddWithoutValidation(AetherWaveKeyHeader, key);
                    break;
                case ProviderAuthScheme.Bearer:
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
                    break;
                case ProviderAuthScheme.None:
                default:
                    break;
            }
        }

        return base.SendAsync(request, cancellationToken);
    }
}
