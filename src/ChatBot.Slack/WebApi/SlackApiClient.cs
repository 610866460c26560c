namespace ChatBot.Slack.WebApi;

/// <summary>
/// Slack's Web API: <c>POST {ApiBaseUrl}{method}</c> with a Bearer token and a JSON (or form) body.
/// <c>ok:false</c> becomes <see cref="SlackApiException"/>; a 429 blocks that method (per channel for
/// chat.postMessage, whose limit is per channel) for Retry-After seconds and the call is tried again.
/// </summary>
internal sealed class SlackApiClient(IHttpClientFactory httpFactory, SlackRatePacer pacer, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackApiClient> logger, ChatBot.Core.Metrics.ChatBotMetrics? metrics = null)
{
    public const string HttpClientName = "slack-api";

    private readonly ConcurrentDictionary<string, DateTimeOffset> _blockedUntil = new(StringComparer.Ordinal);
    private readonly SlackOptions _options = options.Value;

    private HttpClient Http => httpFactory.CreateClient(HttpClientName);

    /// <summary>Calls a write method with a JSON body and the bot token.</summary>
    public Task<JsonElement> CallAsync(string method, JsonObject args, CancellationToken cancellationToken) =>
        SendAsync(method, () => JsonContent(args), _options.BotToken, GateKey(method, args), cancellationToken);

    /// <summary>chat.postMessage of one of the bot's own messages: links and media in it are never unfurled.</summary>
    public Task<JsonElement> PostMessageAsync(JsonObject message, CancellationToken cancellationToken)
    {
        message["unfurl_links"] = false;
        message["unfurl_media"] = false;
        return CallAsync("chat.postMessage", message, cancellationToken);
    }

    /// <summary>Calls a method with form-encoded arguments (read methods and files.getUploadURLExternal).</summary>
    public Task<JsonElement> CallFormAsync(string method, IReadOnlyDictionary<string, string> args, CancellationToken cancellationToken, bool useAppToken = false) =>
        SendAsync(method, () => new FormUrlEncodedContent(args), useAppToken ? _options.AppToken : _options.BotToken, method, cancellationToken);

    /// <summary>apps.connections.open with the app-level token: a single-use WebSocket URL.</summary>
    public async Task<Uri> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var answer = await CallFormAsync("apps.connections.open", new Dictionary<string, string>(StringComparer.Ordinal), cancellationToken, useAppToken: true).ConfigureAwait(false);
        return new Uri(answer.GetProperty("url").GetString()!);
    }

    /// <summary>Posts to a response_url (usable 5 times in 30 minutes; no token).</summary>
    public async Task<bool> RespondAsync(Uri responseUrl, JsonObject message, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, responseUrl) { Content = JsonContent(message) };
        using var response = await Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            logger.ApiFailed("response_url", ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
        }

        return response.IsSuccessStatusCode;
    }

    /// <summary>
    /// The external upload flow: files.getUploadURLExternal → POST the bytes → files.completeUploadExternal,
    /// then (when shared into a channel) files.info until the share shows, because a file referenced
    /// before its share completes makes Slack refuse the blocks.
    /// </summary>
    public async Task<SlackUploadedFile> UploadAsync(
        Func<CancellationToken, Task<Stream>> open,
        long length,
        string fileName,
        string contentType,
        string? title,
        string? channelId,
        string? threadTs,
        string? initialComment,
        CancellationToken cancellationToken)
    {
        var step1 = await CallFormAsync(
            "files.getUploadURLExternal",
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["filename"] = fileName,
                ["length"] = length.ToString(CultureInfo.InvariantCulture),
            },
            cancellationToken).ConfigureAwait(false);
        var uploadUrl = new Uri(step1.GetProperty("upload_url").GetString()!);
        var fileId = step1.GetProperty("file_id").GetString()!;

        var stream = await open(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var content = new StreamContent(stream);
            content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            content.Headers.ContentLength = length;
            using var response = await Http.PostAsync(uploadUrl, content, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new SlackApiException("files.upload_url", "upload_http_" + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
            }
        }

        var complete = new JsonObject
        {
            ["files"] = new JsonArray(new JsonObject { ["id"] = fileId, ["title"] = title ?? fileName }),
        };
        if (channelId is not null)
        {
            complete["channel_id"] = channelId;
        }

        if (threadTs is not null)
        {
            complete["thread_ts"] = threadTs;
        }

        if (initialComment is not null)
        {
            complete["initial_comment"] = initialComment;
        }

        await CallAsync("files.completeUploadExternal", complete, cancellationToken).ConfigureAwait(false);
        if (channelId is null)
        {
            return new SlackUploadedFile(fileId, title ?? fileName, Shared: false);
        }

        for (var attempt = 1; attempt <= _options.FileSharePollAttempts; attempt++)
        {
            var info = await CallFormAsync("files.info", new Dictionary<string, string>(StringComparer.Ordinal) { ["file"] = fileId }, cancellationToken).ConfigureAwait(false);
            if (IsSharedIn(info.GetProperty("file"), channelId))
            {
                return new SlackUploadedFile(fileId, title ?? fileName, Shared: true);
            }

            await Task.Delay(_options.FileSharePollInterval, time, cancellationToken).ConfigureAwait(false);
        }

        logger.ShareNotCompleted(fileId, _options.FileSharePollAttempts);
        return new SlackUploadedFile(fileId, title ?? fileName, Shared: false);
    }

    private static bool IsSharedIn(JsonElement file, string channelId)
    {
        if (!file.TryGetProperty("shares", out var shares) || shares.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var visibility in shares.EnumerateObject())
        {
            if (visibility.Value.ValueKind == JsonValueKind.Object && visibility.Value.TryGetProperty(channelId, out _))
            {
                return true;
            }
        }

        return false;
    }

    private static StringContent JsonContent(JsonObject args)
    {
        var content = new StringContent(args.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static string GateKey(string method, JsonObject args) =>
        method == "chat.postMessage" && args["channel"] is JsonValue channel ? method + ":" + channel : method;

    private async Task<JsonElement> SendAsync(string method, Func<HttpContent> content, string? token, string gateKey, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            throw new SlackApiException(method, "not_configured");
        }

        var uri = new Uri(_options.ApiBaseUrl, method);
        var pace = pacer.Reserve(method, gateKey);
        if (pace > TimeSpan.Zero)
        {
            await Task.Delay(pace, time, cancellationToken).ConfigureAwait(false);
        }

        for (int attempt = 0, transient = 0; ; attempt++)
        {
            await WaitForGateAsync(gateKey, cancellationToken).ConfigureAwait(false);
            string error;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content() };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                metrics?.PlatformCall(ChatBot.Core.Platform.PlatformNames.Slack, (int)response.StatusCode);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    var delay = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(30);
                    if (attempt >= _options.MaxRateLimitRetries)
                    {
                        throw new SlackApiException(method, "ratelimited");
                    }

                    logger.RateLimited(method, delay, attempt + 1);
                    Block(gateKey, delay);
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    error = "http_" + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                }
                else
                {
                    var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                    await using (body.ConfigureAwait(false))
                    {
                        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
                        var root = document.RootElement.Clone();
                        if (root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True)
                        {
                            return root;
                        }

                        error = root.TryGetProperty("error", out var e) ? e.GetString() ?? "unknown_error" : "unknown_error";
                    }
                }
            }
            catch (HttpRequestException ex)
            {
                error = "network_" + (ex.HttpRequestError.ToString().ToLowerInvariant());
            }

            if (!IsTransient(error) || transient >= _options.MaxTransientRetries)
            {
                throw new SlackApiException(method, error);
            }

            // Slack's own trouble, not the request's: tried again after 1 s, 2 s, 4 s…
            var backoff = TimeSpan.FromSeconds(Math.Pow(2, transient++));
            logger.TransientFailure(method, error, backoff, transient);
            await Task.Delay(backoff, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Failures on Slack's side that a later try may not meet: HTTP 5xx, a network error, and the errors Slack documents as temporary.</summary>
    public static bool IsTransient(string error) =>
        error.StartsWith("http_5", StringComparison.Ordinal) || error.StartsWith("network_", StringComparison.Ordinal)
        || error is "internal_error" or "fatal_error" or "service_unavailable" or "request_timeout";

    private void Block(string key, TimeSpan delay)
    {
        var until = time.GetUtcNow() + delay;
        _blockedUntil.AddOrUpdate(key, until, (_, existing) => existing > until ? existing : until);
    }

    private async Task WaitForGateAsync(string key, CancellationToken cancellationToken)
    {
        while (_blockedUntil.TryGetValue(key, out var until))
        {
            var wait = until - time.GetUtcNow();
            if (wait <= TimeSpan.Zero)
            {
                _blockedUntil.TryRemove(new KeyValuePair<string, DateTimeOffset>(key, until));
                return;
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
