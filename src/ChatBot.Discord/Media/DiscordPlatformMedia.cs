using ChatBot.Core.Platform;

namespace ChatBot.Discord.Media;

/// <summary>Reads input files from Discord's CDN hosts only (Discord:CdnHosts); the engine caps and sniffs the bytes.</summary>
internal sealed class DiscordPlatformMedia(IHttpClientFactory httpClients, IOptions<DiscordOptions> options) : IPlatformMedia
{
    public const string HttpClientName = "discord-cdn";

    public string Platform => PlatformNames.Discord;

    public async Task<Stream> OpenAsync(MediaRef media, CancellationToken cancellationToken)
    {
        if (!IsAllowed(media.Url, options.Value.EffectiveCdnHosts, out var url))
        {
            throw new MediaRejectedException("Files are only read from Discord's own CDN.");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        return await PlatformFileDownload.OpenAsync(
            httpClients.CreateClient(HttpClientName),
            request,
            response => response.IsSuccessStatusCode ? null : $"Discord did not serve {media.FileName} (HTTP {(int)response.StatusCode}); please attach it again.",
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>HTTPS to a listed host; plain HTTP only to a listed loopback address (a local emulator).</summary>
    public static bool IsAllowed(string text, IReadOnlyList<string> hosts, out Uri url)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out url!) || !hosts.Contains(url.Host, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        return url.Scheme == Uri.UriSchemeHttps
            || (url.Scheme == Uri.UriSchemeHttp && IPAddress.TryParse(url.Host, out var ip) && IPAddress.IsLoopback(ip));
    }
}
