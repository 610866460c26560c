using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ChatBot.Emulators.Discord;

public sealed partial class DiscordEmulator
{
    private const string ApiPrefix = "/api/v10/";
    private readonly Dictionary<string, BucketState> _buckets = [];
    private readonly List<Injected429> _injected = [];
    private readonly HashSet<string> _noAttachFiles = [];
    private readonly HashSet<string> _noAccess = [];
    private readonly Queue<DateTimeOffset> _invalid = new();
    private DateTimeOffset _bannedUntil;
    private Func<string, bool>? _hold;
    private TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Answers the next <paramref name="times"/> matching requests with 429. <paramref name="match"/> sees
    /// "METHOD /path" (path after /api/v10); null matches every request.
    /// </summary>
    public void Inject429(int times, double retryAfterSeconds, bool global = false, Func<string, bool>? match = null)
    {
        lock (_gate)
        {
            _injected.Add(new Injected429(match ?? (_ => true), retryAfterSeconds, global) { Remaining = times });
        }
    }

    /// <summary>
    /// Holds matching requests without an answer until <see cref="ReleaseHeld"/>, as Discord behind Cloudflare
    /// may hold one for 100 s. <paramref name="match"/> sees "METHOD /path" (path after /api/v10).
    /// </summary>
    public void Hold(Func<string, bool> match)
    {
        lock (_gate)
        {
            _hold = match;
        }
    }

    /// <summary>Answers the held requests (those whose client still waits) and stops holding.</summary>
    public void ReleaseHeld()
    {
        TaskCompletionSource released;
        lock (_gate)
        {
            _hold = null;
            released = _released;
            _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        released.TrySetResult();
    }

    /// <summary>
    /// Takes the bot's Attach Files permission in a channel: any message sent or edited there with files is
    /// answered 403 (50013 Missing Permissions), through the interaction webhook as through the bot token.
    /// </summary>
    public void DenyAttachFiles(string channelId)
    {
        lock (_gate)
        {
            _noAttachFiles.Add(channelId);
        }
    }

    /// <summary>Takes the bot's access to a channel: every bot-token request on it is answered 403 (50001 Missing Access).</summary>
    public void DenyAccess(string channelId)
    {
        lock (_gate)
        {
            _noAccess.Add(channelId);
        }
    }

    /// <summary>
    /// Answers of 401, 403 and 429 (but 429s of scope shared) in the last 10 minutes. Past
    /// <see cref="DiscordEmulatorOptions.InvalidRequestLimit"/> Cloudflare bans the IP: every request gets 429 for an hour.
    /// </summary>
    public int InvalidRequestCount
    {
        get
        {
            lock (_gate)
            {
                PruneInvalid(Options.TimeProvider.GetUtcNow());
                return _invalid.Count;
            }
        }
    }

    /// <summary>True while the Cloudflare ban lasts.</summary>
    public bool IsBanned
    {
        get
        {
            lock (_gate)
            {
                return _bannedUntil > Options.TimeProvider.GetUtcNow();
            }
        }
    }

    /// <summary>How many requests were held.</summary>
    public int HeldCount { get; private set; }

    /// <summary>How many 429s the emulator answered.</summary>
    public int TooManyRequestsCount { get; private set; }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path == "/gateway" || path == ResumePath)
        {
            await HandleGatewayAsync(context);
            return;
        }

        if (path.StartsWith("/cdn/", StringComparison.Ordinal))
        {
            await ServeCdnAsync(context, path);
            return;
        }

        if (!path.StartsWith(ApiPrefix, StringComparison.Ordinal))
        {
            context.Response.StatusCode = 404;
            return;
        }

        var (json, files, multipart) = await ReadBodyAsync(context.Request);
        var route = path[ApiPrefix.Length..];
        Task? held = null;
        lock (_gate)
        {
            if (_hold?.Invoke($"{context.Request.Method} /{route}") == true)
            {
                HeldCount++;
                held = _released.Task;
            }
        }

        if (held is not null)
        {
            Changed();
            try
            {
                await held.WaitAsync(context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // The client gave up.
            }
        }

        var segments = route.Split('/');
        var method = context.Request.Method;
        var result = Answer(context, method, route, segments, json, files);
        var call = new DiscordRestCall(
            0,
            method,
            "/" + route,
            json,
            files,
            context.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
            context.Request.Headers.UserAgent.ToString(),
            result.Status,
            Options.TimeProvider.GetUtcNow())
        { IsMultipart = multipart };
        lock (_gate)
        {
            _calls.Add(call with { Sequence = _calls.Count + 1 });
        }

        context.Response.StatusCode = result.Status;
        foreach (var (name, value) in result.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (result.Body is JsonValue plain && plain.TryGetValue<string>(out var text))
        {
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync(text, context.RequestAborted);
        }
        else if (result.Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(result.Body.ToJsonString(), context.RequestAborted);
        }

        Changed();
    }

    private RestResult Answer(HttpContext context, string method, string route, string[] segments, JsonNode? json, List<DiscordUploadedFile> files)
    {
        var now = Options.TimeProvider.GetUtcNow();
        lock (_gate)
        {
            if (_bannedUntil > now)
            {
                // Cloudflare, not Discord, answers: no JSON body, no rate-limit headers.
                var ban = new RestResult(429, JsonValue.Create("error code: 1015"));
                ban.Headers.Add(("Retry-After", "3600"));
                return ban;
            }
        }

        var result = AnswerDiscord(context, method, route, segments, json, files);
        var shared = result.Headers.Any(h => h.Name == "X-RateLimit-Scope" && h.Value == "shared");
        if (result.Status is 401 or 403 || (result.Status == 429 && !shared))
        {
            lock (_gate)
            {
                _invalid.Enqueue(now);
                PruneInvalid(now);
                if (_invalid.Count >= Options.InvalidRequestLimit)
                {
                    _bannedUntil = now + TimeSpan.FromHours(1);
                }
            }
        }

        return result;
    }

    private void PruneInvalid(DateTimeOffset now)
    {
        while (_invalid.Count > 0 && now - _invalid.Peek() >= TimeSpan.FromMinutes(10))
        {
            _invalid.Dequeue();
        }
    }

    private RestResult AnswerDiscord(HttpContext context, string method, string route, string[] segments, JsonNode? json, List<DiscordUploadedFile> files)
    {
        var needsBot = segments[0] is not ("interactions" or "webhooks");
        if (needsBot && context.Request.Headers.Authorization.ToString() != "Bot " + Options.Token)
        {
            return new RestResult(401, Error(0, "401: Unauthorized"));
        }

        lock (_gate)
        {
            if (segments is ["channels", var channel, ..] && _noAccess.Contains(channel))
            {
                return new RestResult(403, Error(50001, "Missing Access"));
            }
        }

        var limited = RateLimit(method, route, segments);
        if (limited.Status == 429)
        {
            return limited;
        }

        var result = Route(method, segments, json, files);
        foreach (var header in limited.Headers)
        {
            result.Headers.Add(header);
        }

        return result;
    }

    private RestResult Route(string method, string[] s, JsonNode? json, List<DiscordUploadedFile> files)
    {
        // Discord refuses a message whose content is over 2,000 characters (50035 Invalid Form Body).
        if (json is JsonObject body && (body["content"] ?? body["data"]?["content"]) is JsonValue content
            && content.TryGetValue<string>(out var text) && text.Length > 2000)
        {
            return new RestResult(400, Error(50035, "Invalid Form Body: content must be 2000 or fewer in length."));
        }

        switch (s)
        {
            case ["gateway", "bot"] when method == "GET":
                return new RestResult(200, new JsonObject
                {
                    ["url"] = GatewayUrl.ToString().TrimEnd('/'),
                    ["shards"] = 1,
                    ["session_start_limit"] = SessionStartLimit(),
                });
            case ["interactions", var id, var token, "callback"] when method == "POST":
                return Callback(id, token, json, files);
            case ["webhooks", var app, var token] when method == "POST" && app == Options.ApplicationId:
                return Followup(token, json, files);
            case ["webhooks", var app, var token, "messages", var messageId] when app == Options.ApplicationId:
                return WebhookMessage(method, token, messageId, json, files);
            case ["channels", var channelId] when method == "GET":
                return ChannelInfo(channelId);
            case ["channels", var channelId, "messages"] when method == "POST":
                return CreateChannelMessage(channelId, json, files);
            case ["channels", var channelId, "messages", var messageId] when method is "GET" or "PATCH":
                return ChannelMessage(method, channelId, messageId, json, files);
            case ["applications", var app, "commands"] when method == "PUT" && app == Options.ApplicationId:
                return RegisterCommands("global", json);
            case ["applications", var app, "guilds", var guild, "commands"] when method == "PUT" && app == Options.ApplicationId:
                return RegisterCommands(guild, json);
            default:
                return new RestResult(404, Error(0, "404: Not Found"));
        }
    }

    private RestResult Callback(string id, string token, JsonNode? json, List<DiscordUploadedFile> files)
    {
        lock (_gate)
        {
            if (!_interactions.TryGetValue(token, out var state) || state.Id != id || state.Expired)
            {
                return new RestResult(404, Error(10062, "Unknown interaction"));
            }

            var type = json?["type"]?.GetValue<int>() ?? 0;
            if (type is 4 or 5 or 6 or 7 && state.Callbacks.Any(c => c is 4 or 5 or 6 or 7 or 9))
            {
                return new RestResult(400, Error(40060, "Interaction has already been acknowledged."));
            }

            state.Callbacks.Add(type);
            var data = json?["data"] as JsonObject ?? [];
            switch (type)
            {
                case 4 or 5:
                    var message = NewMessage(state.ChannelId, interactionId: id);
                    if (type == 5)
                    {
                        message["flags"] = (data["flags"]?.GetValue<int>() ?? 0) | 128;
                    }

                    Apply(message, data, files, replaceAttachments: true);
                    state.OriginalMessageId = message["id"]!.GetValue<string>();
                    break;
                case 6 or 7 when state.SourceMessageId is { } source:
                    state.OriginalMessageId = source;
                    if (type == 7)
                    {
                        Apply(_messages[source], data, files, replaceAttachments: false);
                    }

                    break;
            }
        }

        return new RestResult(204, null);
    }

    private RestResult Followup(string token, JsonNode? json, List<DiscordUploadedFile> files)
    {
        lock (_gate)
        {
            if (!TryToken(token, out var state, out var refusal))
            {
                return refusal;
            }

            if (RefuseFiles(state.ChannelId, files) is { } refused)
            {
                return refused;
            }

            var message = NewMessage(state.ChannelId, interactionId: state.Id);
            Apply(message, json as JsonObject ?? [], files, replaceAttachments: true);
            return new RestResult(200, message.DeepClone());
        }
    }

    private RestResult WebhookMessage(string method, string token, string messageId, JsonNode? json, List<DiscordUploadedFile> files)
    {
        lock (_gate)
        {
            if (!TryToken(token, out var state, out var refusal))
            {
                return refusal;
            }

            var id = messageId == "@original" ? state.OriginalMessageId : messageId;
            if (id is null || !_messages.TryGetValue(id, out var message))
            {
                return new RestResult(404, Error(10008, "Unknown Message"));
            }

            switch (method)
            {
                case "GET":
                    return new RestResult(200, message.DeepClone());
                case "DELETE":
                    _messages.Remove(id);
                    return new RestResult(204, null);
                case "PATCH" when RefuseFiles(state.ChannelId, files) is { } refused:
                    return refused;
                case "PATCH":
                    message["flags"] = (message["flags"]?.GetValue<int>() ?? 0) & ~128;
                    Apply(message, json as JsonObject ?? [], files, replaceAttachments: false);
                    message["edited_timestamp"] = Options.TimeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
                    return new RestResult(200, message.DeepClone());
                default:
                    return new RestResult(405, Error(0, "405: Method Not Allowed"));
            }
        }
    }

    private RestResult ChannelInfo(string channelId)
    {
        lock (_gate)
        {
            return _channels.TryGetValue(channelId, out var channel)
                ? new RestResult(200, new JsonObject { ["id"] = channel.Id, ["guild_id"] = channel.GuildId, ["name"] = channel.Name, ["nsfw"] = channel.Nsfw, ["type"] = channel.IsDirectMessage ? 1 : 0 })
                : new RestResult(404, Error(10003, "Unknown Channel"));
        }
    }

    private RestResult CreateChannelMessage(string channelId, JsonNode? json, List<DiscordUploadedFile> files)
    {
        lock (_gate)
        {
            if (!_channels.ContainsKey(channelId))
            {
                return new RestResult(404, Error(10003, "Unknown Channel"));
            }

            if (RefuseFiles(channelId, files) is { } refused)
            {
                return refused;
            }

            var message = NewMessage(channelId, interactionId: null);
            Apply(message, json as JsonObject ?? [], files, replaceAttachments: true);
            if (json?["message_reference"] is JsonObject reference)
            {
                message["message_reference"] = reference.DeepClone();
            }

            return new RestResult(200, message.DeepClone());
        }
    }

    private RestResult ChannelMessage(string method, string channelId, string messageId, JsonNode? json, List<DiscordUploadedFile> files)
    {
        lock (_gate)
        {
            if (!_messages.TryGetValue(messageId, out var message) || message["channel_id"]?.GetValue<string>() != channelId)
            {
                return new RestResult(404, Error(10008, "Unknown Message"));
            }

            if (method == "PATCH")
            {
                if (message["author"]?["id"]?.GetValue<string>() != Options.BotUserId)
                {
                    return new RestResult(403, Error(50005, "Cannot edit a message authored by another user"));
                }

                if (RefuseFiles(channelId, files) is { } refused)
                {
                    return refused;
                }

                message["flags"] = (message["flags"]?.GetValue<int>() ?? 0) & ~128;
                Apply(message, json as JsonObject ?? [], files, replaceAttachments: false);
            }

            return new RestResult(200, message.DeepClone());
        }
    }

    private RestResult RegisterCommands(string scope, JsonNode? json)
    {
        if (CommandProblem(json) is { } problem)
        {
            return new RestResult(400, Error(50035, "Invalid Form Body: " + problem));
        }

        lock (_gate)
        {
            _commands[scope] = json?.DeepClone();
        }

        var answer = new JsonArray();
        foreach (var command in json as JsonArray ?? [])
        {
            var copy = (JsonObject)command!.DeepClone();
            copy["id"] = NextId();
            copy["application_id"] = Options.ApplicationId;
            answer.Add(copy);
        }

        return new RestResult(200, answer);
    }

    /// <summary>What Discord's documented limits refuse in a command list: 25 options, required ones first, descriptions of 1–100 characters.</summary>
    private static string? CommandProblem(JsonNode? json)
    {
        foreach (var command in json as JsonArray ?? [])
        {
            var options = command?["options"] as JsonArray ?? [];
            var name = command?["name"]?.GetValue<string>();
            if (options.Count > 25)
            {
                return $"{name}: at most 25 options";
            }

            var optionalSeen = false;
            foreach (var option in options)
            {
                var required = option?["required"]?.GetValue<bool>() == true;
                if (required && optionalSeen)
                {
                    return $"{name}: required options must be placed before non-required options";
                }

                optionalSeen |= !required;
                if (option?["description"]?.GetValue<string>() is not { Length: >= 1 and <= 100 })
                {
                    return $"{name}.{option?["name"]}: description must be 1 to 100 characters";
                }
            }
        }

        return null;
    }

    private RestResult? RefuseFiles(string channelId, List<DiscordUploadedFile> files) =>
        files.Count > 0 && _noAttachFiles.Contains(channelId) ? new RestResult(403, Error(50013, "Missing Permissions")) : null;

    private bool TryToken(string token, out InteractionState state, out RestResult refusal)
    {
        refusal = null!;
        if (_interactions.TryGetValue(token, out state!) && !state.Expired
            && Options.TimeProvider.GetUtcNow() - state.CreatedAt < Options.InteractionTokenLifetime)
        {
            return true;
        }

        refusal = new RestResult(401, Error(50027, "Invalid Webhook Token"));
        return false;
    }

    private JsonObject NewMessage(string channelId, string? interactionId)
    {
        var id = NextId();
        var message = new JsonObject
        {
            ["id"] = id,
            ["channel_id"] = channelId,
            ["author"] = new JsonObject { ["id"] = Options.BotUserId, ["username"] = "ChatBot", ["bot"] = true },
            ["content"] = "",
            ["embeds"] = new JsonArray(),
            ["components"] = new JsonArray(),
            ["attachments"] = new JsonArray(),
            ["flags"] = 0,
            ["timestamp"] = Options.TimeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        };
        if (_channels.TryGetValue(channelId, out var channel) && channel.GuildId is not null)
        {
            message["guild_id"] = channel.GuildId;
        }

        if (interactionId is not null)
        {
            message["interaction_metadata"] = new JsonObject { ["id"] = interactionId, ["type"] = 2 };
        }

        _messages[id] = message;
        return message;
    }

    private void Apply(JsonObject message, JsonObject data, List<DiscordUploadedFile> files, bool replaceAttachments)
    {
        foreach (var field in new[] { "content", "embeds", "components" })
        {
            if (data.ContainsKey(field))
            {
                message[field] = data[field]?.DeepClone();
            }
        }

        if (data["flags"] is { } flags)
        {
            message["flags"] = flags.GetValue<int>() | (message["flags"]?.GetValue<int>() ?? 0);
        }

        var old = (message["attachments"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var result = new JsonArray();
        if (data["attachments"] is JsonArray wanted)
        {
            foreach (var entry in wanted.OfType<JsonObject>())
            {
                var id = entry["id"]?.ToString() ?? "";
                var kept = old.FirstOrDefault(a => a["id"]?.GetValue<string>() == id);
                if (kept is not null)
                {
                    result.Add(kept.DeepClone());
                    continue;
                }

                var file = files.FirstOrDefault(f => f.PartName == $"files[{id}]");
                if (file is not null)
                {
                    result.Add(StoreUpload(file, entry["filename"]?.GetValue<string>()));
                }
            }
        }
        else
        {
            if (!replaceAttachments)
            {
                old.ForEach(a => result.Add(a.DeepClone()));
            }

            files.ForEach(f => result.Add(StoreUpload(f, null)));
        }

        message["attachments"] = result;
    }

    private JsonObject StoreUpload(DiscordUploadedFile file, string? fileName)
    {
        var name = fileName ?? file.FileName;
        var stored = UploadToCdn(file.Bytes, name, file.ContentType ?? "application/octet-stream");
        return new JsonObject
        {
            ["id"] = stored.Id,
            ["filename"] = name,
            ["size"] = file.Bytes.Length,
            ["content_type"] = stored.ContentType,
            ["url"] = stored.Url.ToString(),
            ["proxy_url"] = stored.Url.ToString(),
        };
    }

    private RestResult RateLimit(string method, string route, string[] segments)
    {
        var now = Options.TimeProvider.GetUtcNow();
        lock (_gate)
        {
            // Interaction callbacks and the interaction webhooks are not under the global limit: a global 429 never hits them.
            var request = $"{method} /{route}";
            var exempt = segments[0] is "interactions" or "webhooks";
            var injected = _injected.FirstOrDefault(i => i.Remaining > 0 && !(i.Global && exempt) && i.Match(request));
            if (injected is not null)
            {
                injected.Remaining--;
                TooManyRequestsCount++;
                return TooMany(injected.RetryAfter, injected.Global, injected.Global ? "global" : "user");
            }

            // Interaction callbacks are exempt; everything else gets a bucket per method and major parameter.
            if (segments[0] == "interactions")
            {
                return new RestResult(200, null);
            }

            // The global limit is the bot token's, across all its processes; interaction webhooks do not count.
            if (!exempt && TakeGlobal(Options.Token, now) is { } globalRetry)
            {
                TooManyRequestsCount++;
                return TooMany(globalRetry, global: true, scope: "global");
            }

            var major = segments.Length > 1 ? segments[1] : "";
            var key = segments[0] == "webhooks" && segments.Length > 2 ? $"{method}:webhooks:{segments[2]}" : $"{method}:{segments[0]}:{major}";
            if (!_buckets.TryGetValue(key, out var bucket) || now >= bucket.ResetAt)
            {
                bucket = new BucketState { ResetAt = now + Options.BucketWindow, Remaining = Options.BucketLimit };
                _buckets[key] = bucket;
            }

            var resetAfter = Math.Max(0, (bucket.ResetAt - now).TotalSeconds);
            if (bucket.Remaining <= 0)
            {
                TooManyRequestsCount++;
                return TooMany(resetAfter, global: false, scope: "user");
            }

            bucket.Remaining--;
            var ok = new RestResult(200, null);
            ok.Headers.Add(("X-RateLimit-Limit", Options.BucketLimit.ToString(CultureInfo.InvariantCulture)));
            ok.Headers.Add(("X-RateLimit-Remaining", bucket.Remaining.ToString(CultureInfo.InvariantCulture)));
            ok.Headers.Add(("X-RateLimit-Reset", bucket.ResetAt.ToUnixTimeMilliseconds() / 1000.0 is var r ? r.ToString("0.000", CultureInfo.InvariantCulture) : ""));
            ok.Headers.Add(("X-RateLimit-Reset-After", resetAfter.ToString("0.000", CultureInfo.InvariantCulture)));
            ok.Headers.Add(("X-RateLimit-Bucket", Convert.ToHexStringLower(Encoding.UTF8.GetBytes(key))[..Math.Min(32, key.Length * 2)]));
            return ok;
        }
    }

    private static RestResult TooMany(double retryAfter, bool global, string scope)
    {
        var result = new RestResult(429, new JsonObject
        {
            ["message"] = "You are being rate limited.",
            ["retry_after"] = retryAfter,
            ["global"] = global,
        });
        result.Headers.Add(("Retry-After", Math.Ceiling(retryAfter).ToString(CultureInfo.InvariantCulture)));
        result.Headers.Add(("X-RateLimit-Scope", scope));
        if (global)
        {
            result.Headers.Add(("X-RateLimit-Global", "true"));
        }

        return result;
    }

    private static JsonObject Error(int code, string message) => new() { ["code"] = code, ["message"] = message };

    private static async Task<(JsonNode? Json, List<DiscordUploadedFile> Files, bool Multipart)> ReadBodyAsync(HttpRequest request)
    {
        var files = new List<DiscordUploadedFile>();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            foreach (var file in form.Files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, request.HttpContext.RequestAborted);
                files.Add(new DiscordUploadedFile(file.Name, file.FileName, file.ContentType, buffer.ToArray()));
            }

            var payload = form["payload_json"].ToString();
            return (payload.Length > 0 ? JsonNode.Parse(payload) : null, files, true);
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        try
        {
            return (text.Length > 0 ? JsonNode.Parse(text) : null, files, false);
        }
        catch (JsonException)
        {
            return (JsonValue.Create(text), files, false);
        }
    }

    private async Task ServeCdnAsync(HttpContext context, string path)
    {
        EmulatorAttachment? attachment;
        lock (_gate)
        {
            _cdn.TryGetValue(path, out attachment);
        }

        if (attachment is null)
        {
            context.Response.StatusCode = 404;
            return;
        }

        context.Response.ContentType = attachment.ContentType;
        context.Response.ContentLength = attachment.Bytes.Length;
        await context.Response.Body.WriteAsync(attachment.Bytes, context.RequestAborted);
    }

    private sealed record RestResult(int Status, JsonNode? Body)
    {
        public List<(string Name, string Value)> Headers { get; } = [];
    }

    private sealed class BucketState
    {
        public DateTimeOffset ResetAt { get; init; }
        public int Remaining { get; set; }
    }

    private sealed record Injected429(Func<string, bool> Match, double RetryAfter, bool Global)
    {
        public int Remaining { get; set; }
    }
}
