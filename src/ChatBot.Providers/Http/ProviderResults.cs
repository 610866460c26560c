using ChatBot.Core.Media;

namespace ChatBot.Providers.Http;

/// <summary>
/// The checked ways one provider's results come back: links only on allowlisted hosts, downloads and base64
/// payloads size-capped and sniffed before anything reads them as media.
/// </summary>
internal sealed class ProviderResults(ProviderHttp http, ILogger logger)
{
    public bool IsAllowedResultHost(Uri uri)
    {
        var options = http.Options;
        if (options.BaseUrl is not { } baseUrl)
        {
            return false;
        }

        // Plain http is accepted only when the API itself is configured on http (a local emulator).
        var schemeOk = uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && baseUrl.Scheme == Uri.UriSchemeHttp);
        if (!schemeOk)
        {
            return false;
        }

        return string.Equals(uri.Host, baseUrl.Host, StringComparison.OrdinalIgnoreCase)
            || options.MediaHosts.Any(h => string.Equals(h, uri.Host, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// A result the provider serves at a URL. The host is checked now; the bytes are fetched when the engine
    /// opens the output (capped, sniffed, retried on 5xx).
    /// </summary>
    public MediaOutput RemoteOutput(string? url, string fileStem)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new ProviderException("malformed_answer", $"{http.DisplayName} finished but gave no usable result link.");
        }

        if (!IsAllowedResultHost(uri))
        {
            ProviderLog.RefusedHost(logger, http.Name, uri.Host);
            throw HostRefused(uri);
        }

        var extension = Path.GetExtension(uri.AbsolutePath);
        var fileName = extension is { Length: > 1 and <= 5 } ? fileStem + extension : fileStem;
        return new MediaOutput(fileName, null, ct => OpenDownloadAsync(uri, ct)) { PublicUrl = uri };
    }

    public async Task<Stream> OpenDownloadAsync(Uri uri, CancellationToken cancellationToken)
    {
        if (!IsAllowedResultHost(uri))
        {
            throw HostRefused(uri);
        }

        var response = await http.GetAsync(uri, cancellationToken, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        try
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                throw new ProviderException("result_missing", $"{http.DisplayName} finished the job, but its result file is gone (404).");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new ProviderException("download_failed", $"The result could not be downloaded from {http.DisplayName} (HTTP {(int)response.StatusCode}).", retryable: true);
            }

            var cap = http.Options.MaxResultBytes;
            if (response.Content.Headers.ContentLength > cap)
            {
                throw TooLarge(cap);
            }

            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var head = new byte[(int)Math.Min(MediaSniffer.HeaderBytes, cap + 1)];
            var filled = await body.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (filled > cap)
            {
                throw TooLarge(cap);
            }

            CheckSniff(head.AsSpan(0, filled));
            return new CappedPrefixStream(head.AsMemory(0, filled), body, cap, TooLarge, response);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>Decodes a base64 (or data URL) result with the same caps and sniffing as a download.</summary>
    public MediaOutput DecodeBase64(string? data, string fileStem)
    {
        if (string.IsNullOrWhiteSpace(data))
        {
            throw new ProviderException("malformed_answer", $"{http.DisplayName} finished but sent no image.");
        }

        var payload = data.AsSpan();
        if (payload.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            var comma = payload.IndexOf(',');
            payload = comma < 0 ? [] : payload[(comma + 1)..];
        }

        var cap = http.Options.MaxResultBytes;
        if ((long)payload.Length / 4 * 3 > cap)
        {
            throw TooLarge(cap);
        }

        var bytes = new byte[payload.Length / 4 * 3 + 3];
        if (!Convert.TryFromBase64Chars(payload.Trim(), bytes, out var written))
        {
            throw new ProviderException("malformed_answer", $"{http.DisplayName} sent an image the bot could not decode.");
        }

        var sniff = CheckSniff(bytes.AsSpan(0, written));
        return MediaOutput.FromBytes($"{fileStem}.{sniff.Extension}", sniff.ContentType, bytes.AsMemory(0, written));
    }

    private SniffResult CheckSniff(ReadOnlySpan<byte> head)
    {
        var sniff = MediaSniffer.Sniff(head);
        if (sniff is null || sniff.Kind is not (MediaKind.Image or MediaKind.Video))
        {
            throw new ProviderException("result_not_media", $"{http.DisplayName} sent a result that is not an image or a video.");
        }

        if (sniff.Pixels > http.Options.MaxResultPixels)
        {
            throw new ProviderException("result_too_large", $"The image from {http.DisplayName} has more pixels than the bot accepts.");
        }

        return sniff;
    }

    private ProviderException HostRefused(Uri uri) =>
        new("result_host_refused", $"{http.DisplayName} returned a result on a host the bot does not trust ({uri.Host}), so it was not downloaded.");

    private ProviderException TooLarge(long cap) =>
        new("result_too_large", $"The result from {http.DisplayName} is larger than the bot accepts ({cap / (1024 * 1024)} MB).");
}
