using ChatBot.Core.Platform;

namespace ChatBot.Discord.Gateway;

/// <summary>
/// One gateway WebSocket from Hello to close: heartbeats (first after interval × jitter, a missed ACK
/// is a zombie), Identify or Resume, sequence tracking, op 1/7/9 and close codes.
/// </summary>
internal sealed partial class GatewayConnection(
    DiscordOptions options,
    IGatewayEventSink sink,
    DiscordBotIdentity identity,
    TimeProvider time,
    Func<double> jitter,
    ILogger logger)
{
    /// <summary>How long to wait for the socket to open and for Hello before trying again.</summary>
    public static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    // Socket reads and writes never take the shutdown token: cancelling a ClientWebSocket operation aborts the
    // socket, and Discord would see 1006 instead of the 1000 that ends the session. This one is cancelled only
    // to abandon the socket (a zombie, no Hello, a close handshake that never finished).
    private readonly CancellationTokenSource _socketCts = new();
    private volatile bool _helloTimedOut;
    private readonly GatewaySendLimiter _sendLimiter = new(time);
    private ClientWebSocket _socket = null!;
    private volatile bool _acknowledged = true;
    private volatile bool _zombie;

    /// <summary>The session after this connection (new after READY, null when it must not be resumed).</summary>
    public GatewaySession? Session { get; private set; }

    /// <summary>The shard this connection identifies as (<c>Discord:ShardId</c>, or one of <c>Discord:Shards</c>).</summary>
    public int ShardId { get; init; } = options.ShardId;

    /// <summary>Called right before the Identify goes out (it spends one of the day's session starts).</summary>
    public Action? Identifying { get; init; }

    /// <summary>Called when READY or RESUMED arrives.</summary>
    public Action? Established { get; init; }

    /// <summary>When READY or RESUMED arrived; null while neither has.</summary>
    public DateTimeOffset? EstablishedAt { get; private set; }

    public async Task<GatewayOutcome> RunAsync(Uri url, GatewaySession? resume, CancellationToken cancellationToken)
    {
        Session = resume;
        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        _socket = socket;
        var builder = new UriBuilder(url) { Query = "v=10&encoding=json" };
        using (var connectTimeout = new CancellationTokenSource(HelloTimeout, time))
        using (var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, connectTimeout.Token))
        {
            await socket.ConnectAsync(builder.Uri, connecting.Token).ConfigureAwait(false);
        }

        using var connectionCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var socketCts = _socketCts;
        using var stopping = cancellationToken.Register(() => _ = CloseForShutdownAsync());
        Task heartbeats = Task.CompletedTask;
        try
        {
            JsonDocument? hello;
            using (time.CreateTimer(_ => NoHello(), null, HelloTimeout, Timeout.InfiniteTimeSpan))
            {
                hello = await socket.ReceiveJsonAsync(_socketCts.Token).ConfigureAwait(false);
            }

            if (hello is null || (GatewayOpCode)hello.RootElement.GetProperty("op").GetInt32() != GatewayOpCode.Hello)
            {
                cancellationToken.ThrowIfCancellationRequested();
                return Closed(socket);
            }

            var interval = TimeSpan.FromMilliseconds(hello.RootElement.GetProperty("d").GetProperty("heartbeat_interval").GetDouble());
            hello.Dispose();
            if (resume is not null)
            {
                await SendAsync(GatewayFrames.Resume(options, resume), connectionCts.Token).ConfigureAwait(false);
            }
            else
            {
                Identifying?.Invoke();
                await SendAsync(GatewayFrames.Identify(options, ShardId), connectionCts.Token).ConfigureAwait(false);
            }

            heartbeats = HeartbeatLoopAsync(interval, connectionCts);

            while (true)
            {
                using var frame = await ReceiveOrSkipAsync(socket).ConfigureAwait(false);
                if (frame is null)
                {
                    // After our own close for shutdown, the server's answer ends the read: that is the end.
                    cancellationToken.ThrowIfCancellationRequested();
                    return Closed(socket);
                }

                if (frame.RootElement.ValueKind != JsonValueKind.Object)
                {
                    continue; // Malformed and already logged.
                }

                var outcome = await HandleOrSkipAsync(frame.RootElement, connectionCts.Token).ConfigureAwait(false);
                if (outcome is { } end)
                {
                    await GatewaySocket.CloseQuietlyAsync(socket, end == GatewayOutcome.Resume ? GatewayCloseCodes.ResumableClose : (int)WebSocketCloseStatus.NormalClosure).ConfigureAwait(false);
                    return end;
                }
            }
        }
        catch (OperationCanceledException) when (_helloTimedOut && !cancellationToken.IsCancellationRequested)
        {
            Log.NoHello(logger, HelloTimeout.TotalSeconds);
            await GatewaySocket.CloseQuietlyAsync(socket, GatewayCloseCodes.ResumableClose).ConfigureAwait(false);
            return Session is null ? GatewayOutcome.Identify : GatewayOutcome.Resume;
        }
        catch (OperationCanceledException) when (_zombie && !cancellationToken.IsCancellationRequested)
        {
            Log.Zombie(logger);
            await GatewaySocket.CloseQuietlyAsync(socket, GatewayCloseCodes.ResumableClose).ConfigureAwait(false);
            return Session is null ? GatewayOutcome.Identify : GatewayOutcome.Resume;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: end the session cleanly so Discord shows the bot offline at once.
            await GatewaySocket.CloseQuietlyAsync(socket, (int)WebSocketCloseStatus.NormalClosure).ConfigureAwait(false);
            throw;
        }
        catch (WebSocketException ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.ConnectionLost(logger, ex.WebSocketErrorCode.ToString());
            return Session is null ? GatewayOutcome.Identify : GatewayOutcome.Resume;
        }
        finally
        {
            await connectionCts.CancelAsync().ConfigureAwait(false);
            try
            {
                await heartbeats.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private async Task<GatewayOutcome?> HandleAsync(JsonElement frame, CancellationToken cancellationToken)
    {
        var op = (GatewayOpCode)frame.GetProperty("op").GetInt32();
        if (frame.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number && Session is not null)
        {
            Session.Sequence = s.GetInt64();
        }

        switch (op)
        {
            case GatewayOpCode.Dispatch:
                var type = frame.GetProperty("t").GetString() ?? "";
                var data = frame.GetProperty("d");
                if (type == "READY")
                {
                    var resumeUrl = new Uri(data.GetProperty("resume_gateway_url").GetString()!);
                    Session = new GatewaySession(data.GetProperty("session_id").GetString()!, resumeUrl) { Sequence = s.ValueKind == JsonValueKind.Number ? s.GetInt64() : null };
                    identity.UserId = data.GetProperty("user").GetProperty("id").GetString();
                    EstablishedAt = time.GetUtcNow();
                    Established?.Invoke();
                    Log.Ready(logger, ShardId, options.ShardCount);
                }
                else if (type == "RESUMED")
                {
                    EstablishedAt = time.GetUtcNow();
                    Established?.Invoke();
                    Log.Resumed(logger, Session?.Sequence ?? 0);
                }
                else
                {
                    await sink.PublishAsync(type, data.Clone(), cancellationToken).ConfigureAwait(false);
                }

                return null;
            case GatewayOpCode.Heartbeat:
                await SendHeartbeatAsync(cancellationToken).ConfigureAwait(false);
                return null;
            case GatewayOpCode.HeartbeatAck:
                _acknowledged = true;
                return null;
            case GatewayOpCode.Reconnect:
                Log.ReconnectRequested(logger);
                return GatewayOutcome.Resume;
            case GatewayOpCode.InvalidSession:
                var resumable = frame.TryGetProperty("d", out var d) && d.ValueKind == JsonValueKind.True;
                Log.InvalidSession(logger, resumable);
                if (!resumable)
                {
                    Session = null;
                }

                return resumable && Session is not null ? GatewayOutcome.Resume : GatewayOutcome.IdentifyAfterWait;
            default:
                return null;
        }
    }

    private GatewayOutcome Closed(ClientWebSocket socket)
    {
        var code = (int?)socket.CloseStatus;
        if (GatewayCloseCodes.Fatal(code) is { } hint)
        {
            Log.FatalClose(logger, code ?? 0, socket.CloseStatusDescription ?? "", hint);
            return GatewayOutcome.Stop;
        }

        Log.Closed(logger, code ?? 0);
        if (GatewayCloseCodes.NeedsNewSession(code))
        {
            Session = null;
        }

        return Session is null ? GatewayOutcome.Identify : GatewayOutcome.Resume;
    }

    private async Task HeartbeatLoopAsync(TimeSpan interval, CancellationTokenSource connection)
    {
        var delay = interval * jitter();
        while (true)
        {
            await Task.Delay(delay, time, connection.Token).ConfigureAwait(false);
            if (!_acknowledged)
            {
                // A zombie: close with a code that keeps the session resumable, then stop reading.
                _zombie = true;
                try
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                    await _socket.CloseOutputAsync((WebSocketCloseStatus)GatewayCloseCodes.ResumableClose, "no heartbeat ack", timeout.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
                {
                }

                await connection.CancelAsync().ConfigureAwait(false);
                await _socketCts.CancelAsync().ConfigureAwait(false);
                return;
            }

            _acknowledged = false;
            await SendHeartbeatAsync(connection.Token).ConfigureAwait(false);
            delay = interval;
        }
    }

    private Task SendHeartbeatAsync(CancellationToken cancellationToken) =>
        SendAsync(GatewayFrames.Heartbeat(Session?.Sequence), cancellationToken);

    private async Task SendAsync(JsonObject frame, CancellationToken cancellationToken)
    {
        await _sendLimiter.WaitAsync(cancellationToken).ConfigureAwait(false);
        // The socket's own token, not the caller's: shutdown must still be able to send the close frame.
        await _socket.SendJsonAsync(frame, _sendLock, _socketCts.Token).ConfigureAwait(false);
    }
}
