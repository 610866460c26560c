using ChatBot.Core.Media;

namespace ChatBot.Core.Platform;

/// <summary>
/// How a platform adapter opens a member's file: the request is sent, the headers judged, and the body streamed
/// (never buffered) in a stream that owns the HTTP response. The engine caps and sniffs what it reads.
/// </summary>
public static class PlatformFileDownload
{
    /// <summary>
    /// Sends <paramref name="request"/>; when <paramref name="refusal"/> finds a reason in the answer's headers it
    /// throws a <see cref="MediaRejectedException"/> with it, otherwise returns the body (disposing it disposes the answer).
    /// </summary>
    public static async Task<Stream> OpenAsync(HttpClient http, HttpRequestMessage request, Func<HttpResponseMessage, string?> refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(refusal);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        try
        {
            if (refusal(response) is { } reason)
            {
                throw new MediaRejectedException(reason);
            }

            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new CappedPrefixStream(ReadOnlyMemory<byte>.Empty, body, long.MaxValue, owner: response);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
