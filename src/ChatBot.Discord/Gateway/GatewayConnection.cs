using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

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
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly GatewaySendLimiter _sendLimiter = new(time);
    private ClientWebSocket _socket = null!;
    private volatile bool _acknowledged = true;
    private volatile bool _zombie;

    /// <summary>The session after this connection (new after READY, null when it must not be resumed).</summary>
    public GatewaySession? Session { get; private set; }

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
        await socket.ConnectAsync(builder.Uri, cancellationToken).ConfigureAwait(false);

        using var connectionCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task heartbeats = Task.CompletedTask;
        try
        {
            var hello = await GatewaySocket.ReceiveAsync(socket, connectionCts.Token).ConfigureAwait(false);
            if (hello is null || hello.RootElement.GetProperty("op").GetInt32() != GatewayOpCode.Hello)
            {
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
                await SendAsync(GatewayFrames.Identify(options), connectionCts.Token).ConfigureAwait(false);
            }

            heartbeats = HeartbeatLoopAsync(interval, connectionCts);

            while (true)
            {
                using var frame = await GatewaySocket.ReceiveAsync(socket, connectionCts.Token).ConfigureAwait(false);
                if (frame is null)
                {
                    return Closed(socket);
                }

                var outcome = await HandleAsync(frame.RootElement, connectionCts.Token).ConfigureAwait(false);
                if (outcome is { } end)
                {
                    await GatewaySocket.CloseQuietlyAsync(socket, end == GatewayOutcome.Resume ? GatewayCloseCodes.ResumableClose : (int)WebSocketCloseStatus.NormalClosure).ConfigureAwait(false);
                    return end;
                }
            }
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
        var op = frame.GetProperty("op").GetInt32();
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
                    Log.Ready(logger, options.ShardId, options.ShardCount);
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
        var bytes = Encoding.UTF8.GetBytes(frame.ToJsonString());
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Discord gateway ready (shard {ShardId}/{ShardCount})")]
        public static partial void Ready(ILogger logger, int shardId, int shardCount);

        [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Discord gateway resumed at sequence {Sequence}")]
        public static partial void Resumed(ILogger logger, long sequence);

        [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Discord gateway missed a heartbeat ACK; reconnecting")]
        public static partial void Zombie(ILogger logger);

        [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Discord gateway connection lost ({Error}); reconnecting")]
        public static partial void ConnectionLost(ILogger logger, string error);

        [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Discord asked the gateway to reconnect (op 7)")]
        public static partial void ReconnectRequested(ILogger logger);

        [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Discord invalidated the gateway session (resumable: {Resumable})")]
        public static partial void InvalidSession(ILogger logger, bool resumable);

        [LoggerMessage(EventId = 4007, Level = LogLevel.Critical, Message = "Discord closed the gateway with {Code} ({Reason}); not reconnecting: {Hint}")]
        public static partial void FatalClose(ILogger logger, int code, string reason, string hint);

        [LoggerMessage(EventId = 4008, Level = LogLevel.Information, Message = "Discord closed the gateway with {Code}; reconnecting")]
        public static partial void Closed(ILogger logger, int code);
    }
}
