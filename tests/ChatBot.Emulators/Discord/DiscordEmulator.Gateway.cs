using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ChatBot.Emulators.Discord;

public sealed partial class DiscordEmulator
{
    public const string ResumePath = "/gateway-resume";
    private readonly Dictionary<string, GatewaySession> _sessions = [];
    private readonly List<JsonObject> _gatewayFrames = [];
    private readonly List<string> _connectUrls = [];
    private readonly List<int?> _clientCloses = [];
    private readonly List<DateTimeOffset> _identifyTimes = [];
    private readonly List<DateTimeOffset> _resumeTimes = [];
    private readonly Dictionary<int, DateTimeOffset> _lastIdentifyByBucket = [];
    private DateTimeOffset? _sessionStartResetAt;
    private int _openConnections;

    /// <summary>When each Identify arrived (emulator clock), refused ones included.</summary>
    public IReadOnlyList<DateTimeOffset> IdentifyTimes
    {
        get
        {
            lock (_gate)
            {
                return [.. _identifyTimes];
            }
        }
    }

    /// <summary>When each successful Resume arrived (emulator clock).</summary>
    public IReadOnlyList<DateTimeOffset> ResumeTimes
    {
        get
        {
            lock (_gate)
            {
                return [.. _resumeTimes];
            }
        }
    }

    /// <summary>Identifies refused because they came faster than <c>max_concurrency</c> per 5 s (answered with op 9).</summary>
    public int IdentifiesTooFast { get; private set; }

    /// <summary>Identifies that arrived with the budget spent: a real Discord resets the bot token for these.</summary>
    public int IdentifiesOverBudget { get; private set; }

    /// <summary>Gateway sockets the emulator is serving right now.</summary>
    public int OpenConnectionCount
    {
        get
        {
            lock (_gate)
            {
                return _openConnections;
            }
        }
    }

    /// <summary>Every frame the bot sent over the gateway, in order.</summary>
    public IReadOnlyList<JsonObject> GatewayFrames
    {
        get
        {
            lock (_gate)
            {
                return [.. _gatewayFrames.Select(f => (JsonObject)f.DeepClone())];
            }
        }
    }

    /// <summary>Path and query of every gateway connection the bot opened.</summary>
    public IReadOnlyList<string> ConnectUrls
    {
        get
        {
            lock (_gate)
            {
                return [.. _connectUrls];
            }
        }
    }

    /// <summary>Close codes the bot sent (null when it closed without one).</summary>
    public IReadOnlyList<int?> ClientCloses
    {
        get
        {
            lock (_gate)
            {
                return [.. _clientCloses];
            }
        }
    }

    public int CountFrames(int op) => GatewayFrames.Count(f => f["op"]?.GetValue<int>() == op);

    /// <summary>True when a session is identified and has a live socket.</summary>
    public bool IsConnected
    {
        get
        {
            lock (_gate)
            {
                return _sessions.Values.Any(s => s.Socket is { State: WebSocketState.Open } && s.Ready);
            }
        }
    }

    /// <summary>How many sessions are identified and connected (one per shard).</summary>
    public int LiveSessionCount
    {
        get
        {
            lock (_gate)
            {
                return _sessions.Values.Count(s => s.Socket is { State: WebSocketState.Open } && s.Ready);
            }
        }
    }

    /// <summary>Sends a dispatch event to the session serving the guild (or shard 0 for DMs); queued for replay while disconnected.</summary>
    public async Task DispatchAsync(string type, JsonNode data, string? guildId)
    {
        GatewaySession session;
        long seq;
        lock (_gate)
        {
            // The live session for the shard; while the bot is away, the newest one (its events wait for a Resume).
            session = _sessions.Values.Where(s => s.ServesGuild(guildId)).OrderByDescending(s => s.Connection is not null).ThenByDescending(s => s.Created).FirstOrDefault()
                ?? throw new InvalidOperationException("No gateway session serves this guild; wait for READY first.");
            if (RequiredIntent(type, guildId) is { } intent && (session.Intents & intent) == 0)
            {
                // Discord sends only the events of the intents the session identified with.
                SkippedDispatches++;
                return;
            }

            seq = ++session.Seq;
            session.Events.Add((seq, type, data.DeepClone()));
        }

        await session.TrySendAsync(Dispatch(seq, type, data));
        Changed();
    }

    /// <summary>Dispatches not sent because the session lacked their intent.</summary>
    public int SkippedDispatches { get; private set; }

    /// <summary>The intent an event needs: reactions and messages by guild or DM (INTERACTION_CREATE needs none).</summary>
    private static long? RequiredIntent(string type, string? guildId) => type switch
    {
        "MESSAGE_REACTION_ADD" or "MESSAGE_REACTION_REMOVE" => guildId is null ? 1 << 13 : 1 << 10,
        "MESSAGE_CREATE" or "MESSAGE_UPDATE" or "MESSAGE_DELETE" => guildId is null ? 1 << 12 : 1 << 9,
        _ => null,
    };

    /// <summary>Cuts the bot's connection: with a close code, or by aborting the TCP stream when null.</summary>
    public async Task DropConnectionAsync(int? closeCode = null)
    {
        foreach (var session in LiveSessions())
        {
            await session.DropAsync(closeCode);
        }

        Changed();
    }

    /// <summary>Sends op 7 Reconnect.</summary>
    public Task SendReconnectAsync() => SendToAllAsync(new JsonObject { ["op"] = 7, ["d"] = null });

    /// <summary>Sends op 9 Invalid Session; when not resumable the session is forgotten.</summary>
    public async Task SendInvalidSessionAsync(bool resumable)
    {
        var live = LiveSessions();
        if (!resumable)
        {
            lock (_gate)
            {
                foreach (var session in live)
                {
                    _sessions.Remove(session.Id);
                }
            }
        }

        await SendToAllAsync(new JsonObject { ["op"] = 9, ["d"] = resumable }, live);
    }

    /// <summary>Sends a text frame as is (a malformed one, say) to every live connection.</summary>
    public async Task SendRawAsync(string text)
    {
        foreach (var session in LiveSessions())
        {
            if (session.Connection is { } connection)
            {
                await connection.SendTextAsync(text);
            }
        }

        Changed();
    }

    /// <summary>Sends op 1: the bot must heartbeat at once.</summary>
    public Task RequestHeartbeatAsync() => SendToAllAsync(new JsonObject { ["op"] = 1, ["d"] = null });

    private List<GatewaySession> LiveSessions()
    {
        lock (_gate)
        {
            return [.. _sessions.Values.Where(s => s.Socket is not null)];
        }
    }

    private async Task SendToAllAsync(JsonObject frame, List<GatewaySession>? sessions = null)
    {
        foreach (var session in sessions ?? LiveSessions())
        {
            await session.TrySendAsync(frame);
        }

        Changed();
    }

    private async Task HandleGatewayAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        lock (_gate)
        {
            _connectUrls.Add(context.Request.Path + context.Request.QueryString);
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new GatewayConnectionState(socket);
        lock (_gate)
        {
            _openConnections++;
        }

        Changed();
        if (context.Request.Query["v"] != "10" || context.Request.Query["encoding"] != "json")
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)4012, "Invalid API version", CancellationToken.None);
            return;
        }

        if (Options.SendHello)
        {
            await connection.SendAsync(new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = (long)Options.HeartbeatInterval.TotalMilliseconds } });
        }

        GatewaySession? session = null;
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var frame = await ReceiveAsync(socket);
                if (frame is null)
                {
                    lock (_gate)
                    {
                        _clientCloses.Add((int?)socket.CloseStatus);
                    }

                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                    }

                    if (session is not null && socket.CloseStatus is WebSocketCloseStatus.NormalClosure or WebSocketCloseStatus.EndpointUnavailable)
                    {
                        lock (_gate)
                        {
                            _sessions.Remove(session.Id);
                        }
                    }

                    break;
                }

                lock (_gate)
                {
                    _gatewayFrames.Add(frame);
                }

                Changed();
                session = await HandleFrameAsync(connection, frame, session) ?? session;
            }
        }
        catch (WebSocketException)
        {
            // The bot went away without a close frame (a peer sees 1006); the session stays resumable.
            lock (_gate)
            {
                _clientCloses.Add(1006);
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            lock (_gate)
            {
                _openConnections--;
                if (session?.Connection == connection)
                {
                    session.Connection = null;
                }
            }

            Changed();
        }
    }

    private async Task<GatewaySession?> HandleFrameAsync(GatewayConnectionState connection, JsonObject frame, GatewaySession? current)
    {
        var op = frame["op"]?.GetValue<int>();
        var d = frame["d"];
        switch (op)
        {
            case 1:
                if (Options.AcknowledgeHeartbeats)
                {
                    await connection.SendAsync(new JsonObject { ["op"] = 11 });
                }

                return null;
            case 2:
                return await IdentifyAsync(connection, d as JsonObject ?? []);
            case 6:
                return await ResumeAsync(connection, d as JsonObject ?? []);
            default:
                return current;
        }
    }

    private async Task<GatewaySession?> IdentifyAsync(GatewayConnectionState connection, JsonObject d)
    {
        if (d["token"]?.GetValue<string>() != Options.Token)
        {
            await connection.Socket.CloseOutputAsync((WebSocketCloseStatus)4004, "Authentication failed.", CancellationToken.None);
            return null;
        }

        var intents = d["intents"]?.GetValue<long>() ?? 0;
        if ((intents & 32768) != 0 && !AllowMessageContentIntent)
        {
            await connection.Socket.CloseOutputAsync((WebSocketCloseStatus)4014, "Disallowed intent(s).", CancellationToken.None);
            return null;
        }

        var shard = d["shard"] as JsonArray;
        switch (SpendIdentify(shard?[0]?.GetValue<int>() ?? 0))
        {
            case IdentifyVerdict.TooFast:
                await connection.SendAsync(new JsonObject { ["op"] = 9, ["d"] = false });
                return null;
            case IdentifyVerdict.OverBudget:
                await connection.Socket.CloseOutputAsync((WebSocketCloseStatus)4004, "Authentication failed.", CancellationToken.None);
                return null;
        }

        var session = new GatewaySession(Guid.NewGuid().ToString("N"), shard?[0]?.GetValue<int>() ?? 0, shard?[1]?.GetValue<int>() ?? 1)
        {
            Connection = connection,
            Intents = intents,
        };
        lock (_gate)
        {
            _sessions[session.Id] = session;
            session.Seq++;
        }

        var ready = new JsonObject
        {
            ["v"] = 10,
            ["user"] = new JsonObject { ["id"] = Options.BotUserId, ["username"] = "ChatBot", ["bot"] = true },
            ["guilds"] = new JsonArray(),
            ["session_id"] = session.Id,
            ["resume_gateway_url"] = $"ws://{BaseAddress.Authority}{ResumePath}",
            ["application"] = new JsonObject { ["id"] = Options.ApplicationId, ["flags"] = 0 },
        };
        if (shard is not null)
        {
            ready["shard"] = shard.DeepClone();
        }

        await connection.SendAsync(Dispatch(session.Seq, "READY", ready));
        session.Ready = true;
        Changed();
        if (Options.InvalidateSessionsAfterReady)
        {
            lock (_gate)
            {
                _sessions.Remove(session.Id);
            }

            await connection.SendAsync(new JsonObject { ["op"] = 9, ["d"] = false });
            return null;
        }

        return session;
    }

    private async Task<GatewaySession?> ResumeAsync(GatewayConnectionState connection, JsonObject d)
    {
        GatewaySession? session;
        List<(long Seq, string Type, JsonNode Data)> replay;
        lock (_gate)
        {
            _sessions.TryGetValue(d["session_id"]?.GetValue<string>() ?? "", out session);
            if (session is null || d["token"]?.GetValue<string>() != Options.Token)
            {
                session = null;
                replay = [];
            }
            else
            {
                var seen = d["seq"]?.GetValue<long>() ?? 0;
                var from = Math.Max(0, seen - Options.ReplayAlreadySeen);
                replay = [.. session.Events.Where(e => e.Seq > from)];
                session.Connection?.Socket.Abort();
                session.Connection = connection;
                ResumeCount++;
                _resumeTimes.Add(Options.TimeProvider.GetUtcNow());
            }
        }

        if (session is null)
        {
            await connection.SendAsync(new JsonObject { ["op"] = 9, ["d"] = false });
            return null;
        }

        foreach (var (seq, type, data) in replay)
        {
            await connection.SendAsync(Dispatch(seq, type, data));
        }

        long resumedSeq;
        lock (_gate)
        {
            resumedSeq = ++session.Seq;
            session.Events.Add((resumedSeq, "RESUMED", new JsonObject()));
        }

        await connection.SendAsync(Dispatch(resumedSeq, "RESUMED", new JsonObject()));
        session.Ready = true;
        Changed();
        if (Options.DropConnectionsAfterResumed)
        {
            await session.DropAsync(closeCode: 4000);
        }

        return session;
    }

    /// <summary>The <c>session_start_limit</c> that <c>GET /gateway/bot</c> reports now.</summary>
    private JsonObject SessionStartLimit()
    {
        lock (_gate)
        {
            var now = Options.TimeProvider.GetUtcNow();
            RefillSessionStarts(now);
            return new JsonObject
            {
                ["total"] = Options.SessionStartTotal,
                ["remaining"] = Math.Max(0, Options.SessionStartRemaining),
                ["reset_after"] = (long)(_sessionStartResetAt!.Value - now).TotalMilliseconds,
                ["max_concurrency"] = Options.MaxConcurrency,
            };
        }
    }

    private void RefillSessionStarts(DateTimeOffset now)
    {
        _sessionStartResetAt ??= now + Options.SessionStartResetAfter;
        if (now >= _sessionStartResetAt)
        {
            Options.SessionStartRemaining = Options.SessionStartTotal;
            _sessionStartResetAt = now + Options.SessionStartResetAfter;
        }
    }

    /// <summary>Counts an Identify against the daily budget and the 5-second window of its bucket.</summary>
    private IdentifyVerdict SpendIdentify(int shardId)
    {
        var now = Options.TimeProvider.GetUtcNow();
        lock (_gate)
        {
            _identifyTimes.Add(now);
            RefillSessionStarts(now);
            if (Options.SessionStartRemaining <= 0)
            {
                IdentifiesOverBudget++;
                return IdentifyVerdict.OverBudget;
            }

            Options.SessionStartRemaining--;
            var bucket = shardId % Math.Max(1, Options.MaxConcurrency);
            if (_lastIdentifyByBucket.TryGetValue(bucket, out var last) && now - last < TimeSpan.FromSeconds(5))
            {
                IdentifiesTooFast++;
                return IdentifyVerdict.TooFast;
            }

            _lastIdentifyByBucket[bucket] = now;
            return IdentifyVerdict.Accepted;
        }
    }

    /// <summary>Whether an Identify asking for MESSAGE_CONTENT is accepted (false: closed with 4014, as for an app without the privileged intent).</summary>
    public bool AllowMessageContentIntent { get; set; } = true;

    /// <summary>How many Resumes succeeded.</summary>
    public int ResumeCount { get; private set; }

    private static JsonObject Dispatch(long seq, string type, JsonNode data) =>
        new() { ["op"] = 0, ["s"] = seq, ["t"] = type, ["d"] = data.DeepClone() };

    private static async Task<JsonObject?> ReceiveAsync(WebSocket socket)
    {
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray())) as JsonObject ?? [];
            }
        }
    }

    private enum IdentifyVerdict
    {
        Accepted,
        TooFast,
        OverBudget,
    }

    private sealed class GatewayConnectionState(WebSocket socket)
    {
        private readonly SemaphoreSlim _send = new(1, 1);

        public WebSocket Socket { get; } = socket;

        public Task SendAsync(JsonObject frame) => SendTextAsync(frame.ToJsonString());

        public async Task SendTextAsync(string text)
        {
            await _send.WaitAsync();
            try
            {
                if (Socket.State == WebSocketState.Open)
                {
                    await Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);
                }
            }
            catch (WebSocketException)
            {
            }
            finally
            {
                _send.Release();
            }
        }
    }

    private sealed class GatewaySession(string id, int shardId, int shardCount)
    {
        private static long s_created;

        public string Id { get; } = id;
        public long Created { get; } = Interlocked.Increment(ref s_created);
        public long Seq { get; set; }
        public long Intents { get; init; }
        public bool Ready { get; set; }
        public List<(long Seq, string Type, JsonNode Data)> Events { get; } = [];
        public GatewayConnectionState? Connection { get; set; }
        public WebSocket? Socket => Connection?.Socket;

        public bool ServesGuild(string? guildId) =>
            guildId is null
                ? shardId == 0
                : (long.Parse(guildId, CultureInfo.InvariantCulture) >> 22) % shardCount == shardId;

        public Task TrySendAsync(JsonObject frame) => Connection?.SendAsync(frame) ?? Task.CompletedTask;

        public async Task DropAsync(int? closeCode)
        {
            var connection = Connection;
            Connection = null;
            Ready = false;
            if (connection is null)
            {
                return;
            }

            if (closeCode is { } code)
            {
                try
                {
                    await connection.Socket.CloseOutputAsync((WebSocketCloseStatus)code, "emulator", CancellationToken.None);
                }
                catch (WebSocketException)
                {
                }
            }
            else
            {
                connection.Socket.Abort();
            }
        }
    }
}
