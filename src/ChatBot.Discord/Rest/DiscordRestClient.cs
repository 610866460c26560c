using ChatBot.Core.Metrics;
using ChatBot.Discord.Rest.Models;

namespace ChatBot.Discord.Rest;

/// <summary>
/// Discord's REST API v10. The auth handler adds the bot token; this client keeps to the rate-limit
/// buckets, honours 429 retry_after and retries other failures only where repeating is harmless.
/// </summary>
internal sealed partial class DiscordRestClient(IHttpClientFactory httpClients, DiscordRateLimiter limiter, TimeProvider time, ILogger<DiscordRestClient> logger, ChatBotMetrics? metrics = null)
{
    /// <summary>The named HttpClient: base address, User-Agent and the bot token handler.</summary>
    public const string HttpClientName = "discord";

    private const int MaxRateLimitedAttempts = 8;
    private const int MaxFailedAttempts = 3;

    public Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken) =>
        SendAsync<GatewayBotInfo>(HttpMethod.Get, "gateway/bot", null, null, safeToRetry: true, cancellationToken);

    /// <summary>The initial response to an interaction (not under the global limit; never retried but for 429).</summary>
    public Task CreateInteractionResponseAsync(string interactionId, string token, InteractionResponse response, CancellationToken cancellationToken) =>
        SendAsync<JsonElement?>(HttpMethod.Post, $"interactions/{interactionId}/{token}/callback", response, null, safeToRetry: false, cancellationToken, exemptFromGlobal: true);

    public Task<DiscordMessage> EditOriginalAsync(string applicationId, string token, MessagePayload payload, IReadOnlyList<OutgoingFile>? files, CancellationToken cancellationToken) =>
        SendAsync<DiscordMessage>(HttpMethod.Patch, $"webhooks/{applicationId}/{token}/messages/@original", payload, files, safeToRetry: true, cancellationToken);

    public Task DeleteOriginalAsync(string applicationId, string token, CancellationToken cancellationToken) =>
        SendAsync<JsonElement?>(HttpMethod.Delete, $"webhooks/{applicationId}/{token}/messages/@original", null, null, safeToRetry: true, cancellationToken);

    public Task<DiscordMessage> CreateFollowupAsync(string applicationId, string token, MessagePayload payload, IReadOnlyList<OutgoingFile>? files, CancellationToken cancellationToken) =>
        SendAsync<DiscordMessage>(HttpMethod.Post, $"webhooks/{applicationId}/{token}", payload, files, safeToRetry: false, cancellationToken);

    public Task<DiscordMessage> GetChannelMessageAsync(string channelId, string messageId, CancellationToken cancellationToken) =>
        SendAsync<DiscordMessage>(HttpMethod.Get, $"channels/{channelId}/messages/{messageId}", null, null, safeToRetry: true, cancellationToken);

    public Task<DiscordMessage> EditChannelMessageAsync(string channelId, string messageId, MessagePayload payload, IReadOnlyList<OutgoingFile>? files, CancellationToken cancellationToken) =>
        SendAsync<DiscordMessage>(HttpMethod.Patch, $"channels/{channelId}/messages/{messageId}", payload, files, safeToRetry: true, cancellationToken);

    public Task<DiscordMessage> CreateChannelMessageAsync(string channelId, MessagePayload payload, IReadOnlyList<OutgoingFile>? files, CancellationToken cancellationToken) =>
        SendAsync<DiscordMessage>(HttpMethod.Post, $"channels/{channelId}/messages", payload, files, safeToRetry: false, cancellationToken);

    public Task<DiscordChannel> GetChannelAsync(string channelId, CancellationToken cancellationToken) =>
        SendAsync<DiscordChannel>(HttpMethod.Get, $"channels/{channelId}", null, null, safeToRetry: true, cancellationToken);

    /// <summary>Replaces every command of the application, globally or in one guild.</summary>
    public Task OverwriteCommandsAsync(string applicationId, string? guildId, JsonArray commands, CancellationToken cancellationToken) =>
        SendAsync<JsonElement?>(
            HttpMethod.Put,
            guildId is null ? $"applications/{applicationId}/commands" : $"applications/{applicationId}/guilds/{guildId}/commands",
            commands,
            null,
            safeToRetry: true,
            cancellationToken);

    /// <summary>The bucket key of a request: method and path with the ids that are not major parameters blanked.</summary>
    internal static string RouteKey(HttpMethod method, string path)
    {
        var segments = path.Split('/');
        for (var i = 1; i < segments.Length; i++)
        {
            var isMajor = segments[i - 1] is "channels" or "guilds" or "webhooks" || (i == 2 && segments[0] == "webhooks");
            if (!isMajor && segments[i].Length > 0 && char.IsAsciiDigit(segments[i][0]) && segments[0] != "interactions")
            {
                segments[i] = "{id}";
            }
        }

        return method.Method + " " + string.Join('/', segments);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, IReadOnlyList<OutgoingFile>? files, bool safeToRetry, CancellationToken cancellationToken, bool exemptFromGlobal = false)
    {
        var route = RouteKey(method, path);

        // Interaction endpoints (the callback, and @original and followups under the interaction's
        // webhook token) are not under the bot's global limit; holding them to it starves acks under load.
        exemptFromGlobal |= path.StartsWith("webhooks/", StringComparison.Ordinal);
        var json = body is null ? null : JsonSerializer.Serialize(body, body.GetType(), DiscordJson.Options);
        var area = method.Method + " " + path.Split('/')[0];
        var rateLimited = 0;
        var failed = 0;
        while (true)
        {
            await limiter.WaitAsync(route, exemptFromGlobal, cancellationToken).ConfigureAwait(false);
            HttpResponseMessage response;
            try
            {
                using var request = new HttpRequestMessage(method, path) { Content = CreateContent(json, files) };
                request.Options.Set(DiscordAuthHandler.WithoutBotToken, exemptFromGlobal);
                response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex) when (safeToRetry && ++failed < MaxFailedAttempts)
            {
                limiter.Release(route);
                Log.RetryingAfterFailure(logger, area, ex.StatusCode is { } s ? (int)s : 0);
                await Task.Delay(Backoff(failed), time, cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch
            {
                limiter.Release(route);
                throw;
            }

            using (response)
            {
                limiter.Update(route, response.StatusCode, response.Headers);
                metrics?.PlatformCall(ChatBot.Core.Platform.PlatformNames.Discord, (int)response.StatusCode);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    var (retryAfter, global) = await ReadRetryAfterAsync(response, cancellationToken).ConfigureAwait(false);
                    limiter.OnTooManyRequests(route, retryAfter, global);
                    Log.RateLimited(logger, area, retryAfter.TotalSeconds, global);
                    if (++rateLimited < MaxRateLimitedAttempts)
                    {
                        continue;
                    }
                }
                else if ((int)response.StatusCode >= 500 && safeToRetry && ++failed < MaxFailedAttempts)
                {
                    Log.RetryingAfterFailure(logger, area, (int)response.StatusCode);
                    await Task.Delay(Backoff(failed), time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
                }

                if (response.StatusCode == HttpStatusCode.NoContent || typeof(T) == typeof(JsonElement?))
                {
                    return default!;
                }

                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using var streamScope = stream.ConfigureAwait(false);
                return await JsonSerializer.DeserializeAsync<T>(stream, DiscordJson.Options, cancellationToken).ConfigureAwait(false)
                    ?? throw new DiscordApiException(response.StatusCode, 0, "empty body");
            }
        }
    }

    private static HttpContent? CreateContent(string? json, IReadOnlyList<OutgoingFile>? files)
    {
        if (files is not { Count: > 0 })
        {
            return json is null ? null : new StringContent(json, Encoding.UTF8, "application/json");
        }

        var multipart = new MultipartFormDataContent();
        var payload = new StringContent(json ?? "{}", Encoding.UTF8, "application/json");
        multipart.Add(payload, "payload_json");
        for (var i = 0; i < files.Count; i++)
        {
            var part = new ReadOnlyMemoryContent(files[i].Bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(files[i].ContentType);
            multipart.Add(part, string.Create(CultureInfo.InvariantCulture, $"files[{i}]"), files[i].FileName);
        }

        return multipart;
    }

    private static async Task<(TimeSpan RetryAfter, bool Global)> ReadRetryAfterAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        double? seconds = null;
        var global = response.Headers.TryGetValues("X-RateLimit-Global", out var g) && g.Any(v => v.Equals("true", StringComparison.OrdinalIgnoreCase));
        try
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false);
            if (body.ValueKind == JsonValueKind.Object)
            {
                if (body.TryGetProperty("retry_after", out var r) && r.ValueKind == JsonValueKind.Number)
                {
                    seconds = r.GetDouble();
                }

                global |= body.TryGetProperty("global", out var gl) && gl.ValueKind == JsonValueKind.True;
            }
        }
        catch (JsonException)
        {
            // Cloudflare answers 429 without JSON; the header still says how long to wait.
        }

        seconds ??= response.Headers.RetryAfter?.Delta?.TotalSeconds ?? 1;
        return (TimeSpan.FromSeconds(Math.Clamp(seconds.Value, 0, 300)), global);
    }

    private static async Task<DiscordApiException> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var code = 0;
        var message = response.ReasonPhrase ?? "error";
        try
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false);
            if (body.ValueKind == JsonValueKind.Object)
            {
                code = body.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : 0;
                message = body.TryGetProperty("message", out var m) ? m.GetString() ?? message : message;
            }
        }
        catch (JsonException)
        {
        }

        return new DiscordApiException(response.StatusCode, code, message);
    }

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(250 * Math.Pow(2, attempt));

    private static partial class Log
    {
        [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Discord rate limited {Area}: retrying after {Seconds:0.###} s (global: {Global})")]
        public static partial void RateLimited(ILogger logger, string area, double seconds, bool global);

        [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Discord request {Area} failed with {Status}; retrying")]
        public static partial void RetryingAfterFailure(ILogger logger, string area, int status);
    }
}
