using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ChatBot.Providers.Http;

/// <summary>
/// Everything one remote provider's adapter shares: its options, its named <see cref="HttpClient"/>
/// (with the auth handler), its resilience pipelines, the one way requests are sent (submits, polls and
/// <see cref="ProviderPost"/> bodies) and, through <see cref="Results"/>, the checked ways results come back.
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
        Results = new ProviderResults(this, logger);
    }

    public static string ClientName(string section) => "ChatBot.Providers." + section;

    public string Name { get; }
    public string Section { get; }
    public string DisplayName { get; }
    public TimeProvider Time { get; }
    public ProviderResilience Resilience { get; }

    /// <summary>Result links, downloads and base64 payloads, checked against this provider's caps and hosts.</summary>
    public ProviderResults Results { get; }
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
    private async Task<HttpResponseMessage> SubmitAsync(Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
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

    /// <summary>Posts <paramref name="post"/> as the request that starts paid work (see the other overload).</summary>
    public Task<HttpResponseMessage> SubmitAsync(ProviderPost post, CancellationToken cancellationToken, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead) =>
        SubmitAsync(post.ToRequest, cancellationToken, completion);

    /// <summary>A status poll or other repeatable read, retried with back-off.</summary>
    public Task<HttpResponseMessage> GetAsync(Uri uri, CancellationToken cancellationToken, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead) =>
        SendRepeatableAsync(() => new HttpRequestMessage(HttpMethod.Get, uri), cancellationToken, completion);

    /// <summary>A POST that starts no paid work (a cost estimate): retried with back-off like a poll.</summary>
    public Task<HttpResponseMessage> PostRepeatableAsync(ProviderPost post, CancellationToken cancellationToken) =>
        SendRepeatableAsync(post.ToRequest, cancellationToken, HttpCompletionOption.ResponseContentRead);

    public Task<HttpResponseMessage> GetAsync(string relative, CancellationToken cancellationToken) =>
        GetAsync(new Uri(relative, UriKind.Relative), cancellationToken);

    private async Task<HttpResponseMessage> SendRepeatableAsync(Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken, HttpCompletionOption completion)
    {
        var client = CreateClient();
        try
        {
            return await Resilience.Poll.ExecuteAsync(
                async token =>
                {
                    using var request = createRequest();
                    return await client.SendAsync(request, completion, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw Translate(e, submitting: false);
        }
    }

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

    /// <summary>
    /// Returns when <paramref name="response"/> is a success; otherwise throws the refusal that
    /// <paramref name="toException"/> maps its status and the provider's (key-free) message to.
    /// </summary>
    public async Task EnsureSuccessAsync(HttpResponseMessage response, Func<ProviderHttp, int, string?, ProviderException> toException, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var (_, message) = await ProviderErrorText.ReadAsync(response, ApiKey, cancellationToken).ConfigureAwait(false);
        throw toException(this, (int)response.StatusCode, message);
    }

    /// <summary>
    /// What 401/403 (the key), 429 and 503 (not now; the job never reached the provider) mean alike at every HTTP
    /// provider; null for the other statuses, which each provider's errors map themselves.
    /// </summary>
    public ProviderException? CommonRefusal(int httpStatus) => httpStatus switch
    {
        401 or 403 => Unauthorized(),
        429 => new ProviderException("rate_limited", $"{DisplayName} is rate-limiting the bot; try again in a minute.", retryable: true) { NeverReachedProvider = true },
        503 => new ProviderException("provider_unavailable", $"{DisplayName} is unavailable right now.", retryable: true) { NeverReachedProvider = true },
        _ => null,
    };

    public ProviderException Malformed(Exception? inner = null) =>
        new("malformed_answer", $"{DisplayName} sent an answer the bot could not read.", retryable: false, inner);

    public ProviderException Unauthorized() =>
        new("provider_auth", $"{DisplayName} refused the bot's API key. An admin needs to check the key in the bot's settings.", retryable: false);

    /// <summary>Sleeps the poll interval on the injected clock.</summary>
    public Task PauseAsync(TimeSpan interval, CancellationToken cancellationToken) => Task.Delay(interval, Time, cancellationToken);

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
}
