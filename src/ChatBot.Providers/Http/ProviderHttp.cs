using System.Net;
using System.Text.Json;
using ChatBot.Core.Media;
using ChatBot.Core.Providers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ChatBot.Providers.Http;

/// <summary>
/// Everything one remote provider's adapter shares: its options, its named <see cref="HttpClient"/>
/// (with the auth handler), its resilience pipelines, and the checked ways results come back
/// (allowlisted, size-capped, sniffed downloads and base64 payloads).
/// </summary>
internal sealed class ProviderHttp
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly IHttpClientFactory _clients;
    private readonly IOptionsMonitor<ProviderOptions> _options;
    private readonly ILogger _logger;

    public ProviderHttp(string name, string section, string displayName, IOptionsMonitor<ProviderOptions> options, IHttpClientFactory clients, TimeProvider time, ILogger<ProviderHttp> logger)
    {
        Name = name;
        Section = section;
        DisplayName = displayName;
        _options = options;
        _clients = clients;
        _logger = logger;
        Time = time;
        Resilience = new ProviderResilience(Options, time);
    }

    public static string ClientName(string section) => "ChatBot.Providers." + section;

    public string Name { get; }
    public string Section { get; }
    public string DisplayName { get; }
    public TimeProvider Time { get; }
    public ProviderResilience Resilience { get; }
    public ProviderOptions Options => _options.Get(Section);
    public string ApiKey => Options.ApiKey ?? "";
    public bool HasKey => !string.IsNullOrWhiteSpace(Options.ApiKey);
    public bool IsAvailable => HasKey && !Resilience.IsBroken;

    public HttpClient CreateClient() => _clients.CreateClient(ClientName(Section));

    public ProviderException NotConfigured() =>
        new("provider_unavailable", $"{DisplayName} is not set up on this bot (no API key).", retryable: true) { NeverReachedProvider = true };

    /// <summary>
    /// Sends the request that starts paid work. Retried only when the provider never got it (connection refused)
    /// or said 429/503; a timeout after sending is never retried, so no second job can be created.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        if (!HasKey)
        {
            throw NotConfigured();
        }

        var client = CreateClient();
        try
        {
            var response = await Resilience.Submit.ExecuteAsync(
                async token =>
                {
                    using var request = createRequest();
                    return await client.SendAsync(request, completion, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
            ProviderLog.Answered(_logger, Name, "submit", (int)response.StatusCode);
            return response;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw Translate(e, submitting: true);
        }
    }

    /// <summary>A status poll or other repeatable read, retried with back-off.</summary>
    public async Task<HttpResponseMessage> GetAsync(Uri uri, CancellationToken cancellationToken, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        var client = CreateClient();
        try
        {
            return await Resilience.Poll.ExecuteAsync(
                async token => await client.GetAsync(uri, completion, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw Translate(e, submitting: false);
        }
    }

    public Task<HttpResponseMessage> GetAsync(string relative, CancellationToken cancellationToken) =>
        GetAsync(new Uri(relative, UriKind.Relative), cancellationToken);

    /// <summary>Reads a JSON answer; an unreadable one is a clear failure, never a crash.</summary>
    public async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
        where T : class
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return ParseJson<T>(text);
    }

    public T ParseJson<T>(string text)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(text, Json) ?? throw Malformed();
        }
        catch (JsonException e)
        {
            throw Malformed(e);
        }
    }

    public ProviderException Malformed(Exception? inner = null) =>
        new("malformed_answer", $"{DisplayName} sent an answer the bot could not read.", retryable: false, inner);

    public ProviderException Unauthorized() =>
        new("provider_auth", $"{DisplayName} refused the bot's API key. An admin needs to check the key in the bot's settings.", retryable: false);

    /// <summary>Sleeps the poll interval on the injected clock.</summary>
    public Task PauseAsync(TimeSpan interval, CancellationToken cancellationToken) => Task.Delay(interval, Time, cancellationToken);

    public bool IsAllowedResultHost(Uri uri)
    {
        var options = Options;
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
            throw new ProviderException("malformed_answer", $"{DisplayName} finished but gave no usable result link.");
        }

        if (!IsAllowedResultHost(uri))
        {
            ProviderLog.RefusedHost(_logger, Name, uri.Host);
            throw new ProviderException("result_host_refused", $"{DisplayName} returned a result on a host the bot does not trust ({uri.Host}), so it was not downloaded.");
        }

        var extension = Path.GetExtension(uri.AbsolutePath);
        var fileName = extension is { Length: > 1 and <= 5 } ? fileStem + extension : fileStem;
        return new MediaOutput(fileName, null, ct => OpenDownloadAsync(uri, ct)) { PublicUrl = uri };
    }

    public async Task<Stream> OpenDownloadAsync(Uri uri, CancellationToken cancellationToken)
    {
        if (!IsAllowedResultHost(uri))
        {
            throw new ProviderException("result_host_refused", $"{DisplayName} returned a result on a host the bot does not trust ({uri.Host}), so it was not downloaded.");
        }

        var response = await GetAsync(uri, cancellationToken, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        try
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                throw new ProviderException("result_missing", $"{DisplayName} finished the job, but its result file is gone (404).");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new ProviderException("download_failed", $"The result could not be downloaded from {DisplayName} (HTTP {(int)response.StatusCode}).", retryable: true);
            }

            var cap = Options.MaxResultBytes;
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

            Array.Resize(ref head, filled);
            CheckSniff(head);
            return new CappedStream(head, body, cap, DisplayName, response);
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
            throw new ProviderException("malformed_answer", $"{DisplayName} finished but sent no image.");
        }

        var payload = data.AsSpan();
        if (payload.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            var comma = payload.IndexOf(',');
            payload = comma < 0 ? [] : payload[(comma + 1)..];
        }

        var cap = Options.MaxResultBytes;
        if ((long)payload.Length / 4 * 3 > cap)
        {
            throw TooLarge(cap);
        }

        var bytes = new byte[payload.Length / 4 * 3 + 3];
        if (!Convert.TryFromBase64Chars(payload.Trim(), bytes, out var written))
        {
            throw new ProviderException("malformed_answer", $"{DisplayName} sent an image the bot could not decode.");
        }

        var sniff = CheckSniff(bytes.AsSpan(0, written));
        return MediaOutput.FromBytes($"{fileStem}.{sniff.Extension}", sniff.ContentType, bytes.AsMemory(0, written));
    }

    public static async Task<byte[]> ReadInputAsync(MediaInput input, CancellationToken cancellationToken)
    {
        var stream = await input.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer.ToArray();
        }
    }

    public static async Task<string> DataUrlAsync(MediaInput input, CancellationToken cancellationToken) =>
        $"data:{input.Media.ContentType};base64,{Convert.ToBase64String(await ReadInputAsync(input, cancellationToken).ConfigureAwait(false))}";

    public ProviderException Translate(Exception e, bool submitting) => e switch
    {
        ProviderException p => p,
        BrokenCircuitException => new ProviderException("provider_unavailable", $"{DisplayName} is failing right now; the bot is giving it a short break. Try again in a minute.", retryable: true, e) { NeverReachedProvider = true },
        TimeoutRejectedException when submitting => new ProviderException("provider_timeout", $"{DisplayName} did not answer in time. The job was stopped and nothing was charged.", retryable: false, e),
        TimeoutRejectedException => new ProviderException("provider_timeout", $"{DisplayName} stopped answering while the job was running.", retryable: false, e),
        HttpRequestException when ProviderResilience.NeverReached(e) => new ProviderException("provider_unreachable", $"{DisplayName} cannot be reached right now.", retryable: true, e) { NeverReachedProvider = true },
        HttpRequestException => new ProviderException("provider_unreachable", $"The connection to {DisplayName} broke.", retryable: false, e),
        _ => new ProviderException("provider_error", $"{DisplayName} failed unexpectedly.", retryable: false, e),
    };

    private SniffResult CheckSniff(ReadOnlySpan<byte> head)
    {
        var sniff = MediaSniffer.Sniff(head);
        if (sniff is null || sniff.Kind is not (MediaKind.Image or MediaKind.Video))
        {
            throw new ProviderException("result_not_media", $"{DisplayName} sent a result that is not an image or a video.");
        }

        if (sniff.Pixels > Options.MaxResultPixels)
        {
            throw new ProviderException("result_too_large", $"The image from {DisplayName} has more pixels than the bot accepts.");
        }

        return sniff;
    }

    private ProviderException TooLarge(long cap) =>
        new("result_too_large", $"The result from {DisplayName} is larger than the bot accepts ({cap / (1024 * 1024)} MB).");
}
