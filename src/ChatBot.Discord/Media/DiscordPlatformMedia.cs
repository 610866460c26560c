using System.Net;
using ChatBot.Core.Model;
using ChatBot.Core.Platform;
using Microsoft.Extensions.Options;

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

        var response = await httpClients.CreateClient(HttpClientName).GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            throw new MediaRejectedException($"Discord did not serve {media.FileName} (HTTP {status}); please attach it again.");
        }

        return await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
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
