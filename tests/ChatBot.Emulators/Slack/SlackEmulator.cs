using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Emulators.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Emulators.Slack;

/// <summary>
/// A loopback Slack: the Web API under <c>/api/{method}</c>, Socket Mode under <c>/link</c>, an upload URL,
/// <c>url_private</c> downloads that check the bot token, response_urls with their 5-use limit, and
/// injectable 429s and <c>ok:false</c> answers. Everything it receives is recorded for assertions.
/// </summary>
public sealed partial class SlackEmulator : IAsyncDisposable
{
    public const string DefaultBotToken = "xoxb-emulator-bot-token";
    public const string DefaultAppToken = "xapp-emulator-app-token";
    public const string DefaultSigningSecret = "emulator-signing-secret-0123456789";

    private readonly Lock _gate = new();
    private readonly WebApplication _app;
    private readonly List<SlackApiCall> _calls = [];
    private readonly Dictionary<string, SlackEmulatedMessage> _messages = [];
    private readonly Dictionary<string, SlackEmulatedFile> _files = [];
    private readonly Dictionary<string, SlackEmulatedUser> _users = [];
    private readonly List<SlackEphemeral> _ephemerals = [];
    private readonly List<SlackOpenedView> _views = [];
    private readonly List<SlackResponseUrlPost> _responsePosts = [];
    private readonly Dictionary<string, int> _responseUrlUses = [];
    private readonly HashSet<string> _issuedTriggers = [];
    private readonly HashSet<string> _tickets = [];
    private readonly List<SlackEnvelopeRecord> _envelopes = [];
    private readonly List<SlackConnectionEvent> _connectionEvents = [];
    private readonly Dictionary<int, LinkConnection> _connections = [];
    private readonly Dictionary<string, Queue<Fault>> _faults = new(StringComparer.Ordinal);
    private readonly HashSet<string> _notInChannel = [];
    private readonly HashSet<string> _archived = [];
    private readonly Dictionary<string, DateTimeOffset> _historyWindow = new(StringComparer.Ordinal);
    private readonly List<string> _downloads = [];
    private TaskCompletionSource _changed = NewSignal();
    private long _sequence;
    private long _tsCounter;
    private int _idCounter;
    private int _connectionCounter;

    private SlackEmulator(WebApplication app)
    {
        _app = app;
    }

    public string BotToken { get; init; } = DefaultBotToken;
    public string AppToken { get; init; } = DefaultAppToken;
    public string SigningSecret { get; init; } = DefaultSigningSecret;
    public string TeamId { get; init; } = "T0EMULATE";
    public string AppId { get; init; } = "A0EMULATE";
    public string BotUserId { get; init; } = "U0BOT";
    public string BotId { get; init; } = "B0BOT";

    /// <summary>How many files.info calls see a completed upload before its share shows (Slack shares asynchronously).</summary>
    public int ShareDelayInfoCalls { get; set; } = 1;

    /// <summary>
    /// Slack's rule since 2025-05-29 for commercially distributed apps outside the Marketplace: conversations.history and
    /// conversations.replies allow one call a minute (then 429 with Retry-After) and return at most 15 messages.
    /// False (the default) is an internal, customer-built app, which the rule exempts.
    /// </summary>
    public bool DistributedOutsideMarketplace { get; set; }

    /// <summary>The emulator's clock for per-minute limits (the system clock unless a test sets one).</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>When false, a new Socket Mode connection gets no hello until <see cref="SendHelloAsync"/>.</summary>
    public bool SendHelloOnConnect { get; set; } = true;

    /// <summary>
    /// When true (as Slack does), a connection that was sent <c>disconnect</c> is closed by the emulator once a newer
    /// connection has said hello and every envelope sent on the old one is acknowledged. Until then envelopes may still
    /// go out on it (<see cref="SendEnvelopeAsync"/> with a connection id). False leaves closing to the test.
    /// </summary>
    public bool CloseAfterHandOver { get; set; } = true;

    /// <summary>When true, envelopes unacknowledged on a closed connection are redelivered on the next hello.</summary>
    public bool RedeliverOnReconnect { get; set; } = true;

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>The value for <c>Slack:ApiBaseUrl</c>.</summary>
    public string ApiBaseUrl => new Uri(BaseUri, "api/").ToString();

    /// <summary>The host (with port) url_private and upload URLs use, for <c>Slack:FileHosts</c>.</summary>
    public string FileHost => $"{BaseUri.Scheme}://{BaseUri.Authority}";

    public static async Task<SlackEmulator> StartAsync(Action<SlackEmulator>? configure = null, CancellationToken cancellationToken = default)
    {
        var builder = LoopbackApp.CreateBuilder();
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var emulator = new SlackEmulator(app);
        configure?.Invoke(emulator);
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        emulator.MapRoutes(app);
        emulator.BaseUri = await app.StartOnLoopbackAsync(cancellationToken).ConfigureAwait(false);
        emulator.AddUser(new SlackEmulatedUser(emulator.BotUserId, "chatbot"));
        return emulator;
    }

    // ---- inspection -------------------------------------------------------------------------

    public IReadOnlyList<SlackApiCall> Calls => Snapshot(_calls);
    public IReadOnlyList<SlackEphemeral> Ephemerals => Snapshot(_ephemerals);
    public IReadOnlyList<SlackOpenedView> Views => Snapshot(_views);
    public IReadOnlyList<SlackResponseUrlPost> ResponseUrlPosts => Snapshot(_responsePosts);
    public IReadOnlyList<SlackConnectionEvent> ConnectionEvents => Snapshot(_connectionEvents);
    public IReadOnlyList<SlackEnvelopeRecord> Envelopes => Snapshot(_envelopes);

    /// <summary>Every url_private download, as "fileId:authorized" or "fileId:refused".</summary>
    public IReadOnlyList<string> Downloads => Snapshot(_downloads);

    public IReadOnlyList<SlackApiCall> CallsTo(string method) => [.. Calls.Where(c => c.Method == method)];

    public IReadOnlyList<SlackEmulatedMessage> Messages(string channel)
    {
        lock (_gate)
        {
            return [.. _messages.Values.Where(m => m.Channel == channel && !m.Deleted).OrderBy(m => m.Ts, StringComparer.Ordinal)];
        }
    }

    public SlackEmulatedMessage? Message(string channel, string ts)
    {
        lock (_gate)
        {
            return _messages.GetValueOrDefault(Key(channel, ts));
        }
    }

    /// <summary>Messages the bot posted, in order.</summary>
    public IReadOnlyList<SlackEmulatedMessage> BotMessages()
    {
        lock (_gate)
        {
            return [.. _messages.Values.Where(m => m.User == BotUserId && !m.Deleted).OrderBy(m => m.Ts, StringComparer.Ordinal)];
        }
    }

    public SlackEmulatedFile? File(string fileId)
    {
        lock (_gate)
        {
            return _files.GetValueOrDefault(fileId);
        }
    }

    public IReadOnlyList<SlackEmulatedFile> Files()
    {
        lock (_gate)
        {
            return [.. _files.Values];
        }
    }

    /// <summary>Socket Mode connections that are open and have been sent hello.</summary>
    public IReadOnlyList<int> OpenConnections()
    {
        lock (_gate)
        {
            return [.. _connections.Values.Where(c => c.HelloSent).Select(c => c.Id).Order()];
        }
    }

    /// <summary>Waits (without sleeping) until <paramref name="condition"/> holds; fails after <paramref name="timeout"/> (default 20 s).</summary>
    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null, string? what = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (condition())
            {
                return;
            }

            try
            {
                await changed.WaitAsync(cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The Slack emulator did not see: {what ?? "the expected condition"}.");
            }
        }
    }

    // ---- scripting --------------------------------------------------------------------------

    public void AddUser(SlackEmulatedUser user)
    {
        lock (_gate)
        {
            _users[user.Id] = user;
        }
    }

    /// <summary>The bot is not a member of this channel: chat.postMessage answers not_in_channel.</summary>
    public void SetNotInChannel(string channel)
    {
        lock (_gate)
        {
            _notInChannel.Add(channel);
        }
    }

    /// <summary>The next <paramref name="count"/> calls to <paramref name="method"/> get HTTP 429 with Retry-After.</summary>
    public void InjectRateLimit(string method, int count = 1, int retryAfterSeconds = 1)
    {
        lock (_gate)
        {
            var queue = FaultQueue(method);
            for (var i = 0; i < count; i++)
            {
                queue.Enqueue(new Fault(null, retryAfterSeconds));
            }
        }
    }

    /// <summary>The channel is archived: posting, editing and ephemeral messages in it answer is_archived.</summary>
    public void ArchiveChannel(string channel)
    {
        lock (_gate)
        {
            _archived.Add(channel);
        }
    }

    /// <summary>The next <paramref name="count"/> calls to <paramref name="method"/> answer HTTP <paramref name="status"/> (a 5xx: Slack's own trouble).</summary>
    public void InjectHttpError(string method, int status = 503, int count = 1)
    {
        lock (_gate)
        {
            var queue = FaultQueue(method);
            for (var i = 0; i < count; i++)
            {
                queue.Enqueue(new Fault(null, 0, status));
            }
        }
    }

    /// <summary>The next <paramref name="count"/> calls to <paramref name="method"/> answer <c>{"ok":false,"error":error}</c>.</summary>
    public void InjectError(string method, string error, int count = 1)
    {
        lock (_gate)
        {
            var queue = FaultQueue(method);
            for (var i = 0; i < count; i++)
            {
                queue.Enqueue(new Fault(error, 0));
            }
        }
    }

    /// <summary>A member shares a file in a channel (or thread): a message with the file, readable through url_private.</summary>
    public (string Ts, SlackEmulatedFile File) ShareUserFile(string channel, string userId, byte[] bytes, string fileName, string mimetype, string? threadTs = null, string text = "")
    {
        var (ts, files) = ShareUserFiles(channel, userId, [(bytes, fileName, mimetype)], threadTs, text);
        return (ts, files[0]);
    }

    /// <summary>A member shares several files in one message (Slack allows up to ten), in the order given.</summary>
    public (string Ts, IReadOnlyList<SlackEmulatedFile> Files) ShareUserFiles(string channel, string userId, IReadOnlyList<(byte[] Bytes, string FileName, string Mimetype)> uploads, string? threadTs = null, string text = "")
    {
        lock (_gate)
        {
            var message = AddMessage(channel, userId, null, AsDelivered(text), null, threadTs);
            var files = new List<SlackEmulatedFile>();
            foreach (var (bytes, fileName, mimetype) in uploads)
            {
                var file = new SlackEmulatedFile
                {
                    Id = NextId("F"),
                    Name = fileName,
                    Title = fileName,
                    Mimetype = mimetype,
                    DeclaredLength = bytes.Length,
                    Bytes = bytes,
                    User = userId,
                    Completed = true,
                    ChannelId = channel,
                    ThreadTs = threadTs,
                    ShareCompleted = true,
                    ShareTs = message.Ts,
                };
                _files[file.Id] = file;
                message.FileIds.Add(file.Id);
                files.Add(file);
            }

            Changed();
            return (message.Ts, files);
        }
    }

    /// <summary>A member posts a plain message (<paramref name="text"/> as typed; stored and delivered escaped).</summary>
    public string PostUserMessage(string channel, string userId, string text, string? threadTs = null)
    {
        lock (_gate)
        {
            var ts = AddMessage(channel, userId, null, AsDelivered(text), null, threadTs).Ts;
            Changed();
            return ts;
        }
    }

    public string UrlPrivate(string fileId)
    {
        lock (_gate)
        {
            var file = _files[fileId];
            return new Uri(BaseUri, $"files-pri/{TeamId}-{file.Id}/{Uri.EscapeDataString(file.Name)}").ToString();
        }
    }

    /// <summary>A new response_url (usable 5 times).</summary>
    public string NewResponseUrl()
    {
        lock (_gate)
        {
            var id = NextId("R");
            _responseUrlUses[id] = 0;
            return new Uri(BaseUri, $"response/{id}").ToString();
        }
    }

    /// <summary>A new trigger_id that views.open accepts once.</summary>
    public string NewTriggerId()
    {
        lock (_gate)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"{Interlocked.Increment(ref _idCounter)}.{TeamId}.trigger");
            _issuedTriggers.Add(id);
            return id;
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<WebSocket> open;
        lock (_gate)
        {
            open = [.. _connections.Values.Select(c => c.Socket)];
        }

        await _app.StopLoopbackAsync(open).ConfigureAwait(false);
    }

    // ---- internals --------------------------------------------------------------------------

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static string Key(string channel, string ts) => channel + "/" + ts;

    private IReadOnlyList<T> Snapshot<T>(List<T> list)
    {
        lock (_gate)
        {
            return [.. list];
        }
    }

    private Queue<Fault> FaultQueue(string method)
    {
        if (!_faults.TryGetValue(method, out var queue))
        {
            queue = new Queue<Fault>();
            _faults[method] = queue;
        }

        return queue;
    }

    /// <summary>Caller holds the lock.</summary>
    private void Changed()
    {
        var previous = _changed;
        _changed = NewSignal();
        previous.TrySetResult();
    }

    private string NextId(string prefix) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{Interlocked.Increment(ref _idCounter):D8}");

    private string NextTs()
    {
        var n = Interlocked.Increment(ref _tsCounter);
        return string.Create(CultureInfo.InvariantCulture, $"{1_700_000_000 + (n / 1000)}.{n % 1000:D6}");
    }

    private long NextSequence() => Interlocked.Increment(ref _sequence);

    /// <summary>Caller holds the lock.</summary>
    private SlackEmulatedMessage AddMessage(string channel, string user, string? botId, string text, JsonArray? blocks, string? threadTs)
    {
        var message = new SlackEmulatedMessage
        {
            Channel = channel,
            Ts = NextTs(),
            ThreadTs = threadTs,
            User = user,
            BotId = botId,
            Text = text,
            Blocks = blocks,
        };
        message.Versions.Add(new JsonObject { ["text"] = text, ["blocks"] = blocks?.DeepClone() });
        _messages[Key(channel, message.Ts)] = message;
        return message;
    }

    private void MapRoutes(WebApplication app)
    {
        app.MapPost("/api/{method}", HandleApiAsync);
        app.MapGet("/api/{method}", HandleApiAsync);
        app.MapPost("/upload/{fileId}", HandleUploadAsync);
        app.MapGet("/files-pri/{teamFile}/{name}", HandleDownload);
        app.MapPost("/response/{id}", HandleResponseUrlAsync);
        app.Map("/link", HandleLinkAsync);
    }

    /// <summary>An injected answer: a 429 (no error, no status), an <c>ok:false</c> error, or an HTTP error status.</summary>
    private sealed record Fault(string? Error, int RetryAfterSeconds, int? Status = null);

    private sealed class LinkConnection(int id, WebSocket socket)
    {
        public int Id { get; } = id;
        public WebSocket Socket { get; } = socket;
        public SemaphoreSlim SendLock { get; } = new(1, 1);
        public bool HelloSent { get; set; }
        public bool DisconnectSent { get; set; }
    }

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    private static async Task WriteJsonAsync(HttpContext context, JsonObject body, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(Compact), context.RequestAborted).ConfigureAwait(false);
    }

    private static string Text(JsonObject args, string name) => args[name] is JsonValue v ? v.ToString() : "";

    private static string? OptionalText(JsonObject args, string name)
    {
        var text = args[name] is JsonValue v ? v.ToString() : null;
        return string.IsNullOrEmpty(text) ? null : text;
    }
}
