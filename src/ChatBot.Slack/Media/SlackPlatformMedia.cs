using ChatBot.Core.Platform;

namespace ChatBot.Slack.Media;

/// <summary>
/// Reads members' files (<c>url_private</c>) with the bot token, only from <see cref="SlackOptions.FileHosts"/>,
/// never following a redirect. Slack answers a missing or wrong token with its HTML sign-in page, which
/// is refused here; the engine caps and sniffs the bytes.
/// </summary>
internal sealed class SlackPlatformMedia(IHttpClientFactory httpFactory, IOptions<SlackOptions> options) : IPlatformMedia
{
    public const string HttpClientName = "slack-files";

    public string Platform => PlatformNames.Slack;

    public async Task<Stream> OpenAsync(MediaRef media, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(media.Url, UriKind.Absolute, out var uri) || !IsAllowed(uri, options.Value.FileHosts))
        {
            throw new MediaRejectedException($"I only read files that were shared in Slack; `{media.FileName}` is somewhere else.");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.BotToken);
        return await PlatformFileDownload.OpenAsync(httpFactory.CreateClient(HttpClientName), request, response => Refusal(response, media), cancellationToken).ConfigureAwait(false);
    }

    private static string? Refusal(HttpResponseMessage response, MediaRef media)
    {
        if (!response.IsSuccessStatusCode)
        {
            return $"Slack would not give me `{media.FileName}` (HTTP {(int)response.StatusCode}). Please share it again.";
        }

        return response.Content.Headers.ContentType?.MediaType is "text/html"
            ? $"Slack showed me a sign-in page instead of `{media.FileName}`. The app needs the files:read scope; ask an admin to reinstall it."
            : null;
    }

    /// <summary>A bare host allows HTTPS on that host; an entry with a scheme allows exactly that origin.</summary>
    internal static bool IsAllowed(Uri uri, IEnumerable<string> hosts)
    {
        foreach (var entry in hosts)
        {
            if (entry.Contains("://", StringComparison.Ordinal))
            {
                if (Uri.TryCreate(entry, UriKind.Absolute, out var origin)
                    && string.Equals(origin.Scheme, uri.Scheme, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(origin.Host, uri.Host, StringComparison.OrdinalIgnoreCase)
                    && origin.Port == uri.Port)
                {
                    return true;
                }
            }
            else if (uri.Scheme == Uri.UriSchemeHttps && uri.IsDefaultPort && string.Equals(entry, uri.Host, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
