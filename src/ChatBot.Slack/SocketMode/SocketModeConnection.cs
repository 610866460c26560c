using ChatBot.Core.Platform;

namespace ChatBot.Slack.SocketMode;

/// <summary>
/// One Socket Mode WebSocket. WebSocket ping/pong keeps it alive: a ping every
/// <see cref="SlackOptions.PingInterval"/>, and a pong missing for <see cref="SlackOptions.PongTimeout"/>
/// aborts the socket (the read-idle watchdog), which ends <see cref="Ended"/>.
/// </summary>
internal sealed class SocketModeConnection : IAsyncDisposable
{
    public const string LinkDisabled = "link_disabled";

    private readonly ClientWebSocket _socket;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource<int> _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<SocketModeConnection, JsonElement, Task> _onEnvelope;
    private Task _readLoop = Task.CompletedTask;

    private SocketModeConnection(int id, ClientWebSocket socket, Func<SocketModeConnection, JsonElement, Task> onEnvelope)
    {
        Id = id;
        _socket = socket;
        _onEnvelope = onEnvelope;
    }

    public int Id { get; }

    /// <summary>Completes with the disconnect reason Slack sent, or with why the socket died.</summary>
    public Task<string> Ended => _ended.Task;

    /// <summary>Connects and waits for hello; returns the number of connections Slack reports.</summary>
    public static async Task<(SocketModeConnection Connection, int Connections)> ConnectAsync(
        int id,
        Uri url,
        SlackOptions options,
        TimeProvider time,
        Func<SocketModeConnection, JsonElement, Task> onEnvelope,
        CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = options.PingInterval;
        socket.Options.KeepAliveTimeout = options.PongTimeout;
        var connection = new SocketModeConnection(id, socket, onEnvelope);
        try
        {
            await socket.ConnectAsync(url, cancellationToken).ConfigureAwait(false);
            connection._readLoop = connection.ReadLoopAsync();
            var count = await connection._hello.Task.WaitAsync(options.HelloTimeout, time, cancellationToken).ConfigureAwait(false);
            return (connection, count);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public Task AckAsync(string envelopeId, CancellationToken cancellationToken) =>
        SendAsync(new JsonObject { ["envelope_id"] = envelopeId }, cancellationToken);

    /// <summary>Closes with a handshake, letting the read loop finish what it already received.</summary>
    public async Task CloseAsync(TimeSpan timeout, TimeProvider time)
    {
        await _sendLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var cts = new CancellationTokenSource(timeout, time);
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", cts.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            _socket.Abort();
        }
        finally
        {
            _sendLock.Release();
        }

        try
        {
            await _readLoop.WaitAsync(timeout, time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _socket.Abort();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        try
        {
            await _readLoop.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The read loop reports through Ended; nothing more to do here.
        }

        _socket.Dispose();
        _sendLock.Dispose();
    }

    private Task SendAsync(JsonObject frame, CancellationToken cancellationToken) =>
        _socket.SendJsonAsync(frame, _sendLock, cancellationToken);

    private async Task ReadLoopAsync()
    {
        try
        {
            while (true)
            {
                using var frame = await _socket.ReceiveJsonAsync(CancellationToken.None).ConfigureAwait(false);
                if (frame is null)
                {
                    _ended.TrySetResult("closed by Slack");
                    break;
                }

                await HandleFrameAsync(frame).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or JsonException)
        {
            _ended.TrySetResult("socket lost: " + ex.GetType().Name);
        }
        finally
        {
            _hello.TrySetException(new WebSocketException("The Socket Mode connection closed before hello."));
            _ended.TrySetResult("closed");
        }
    }

    private async Task HandleFrameAsync(JsonDocument frame)
    {
        var root = frame.RootElement;
        if (root.TryGetProperty("envelope_id", out _))
        {
            await _onEnvelope(this, root.Clone()).ConfigureAwait(false);
            return;
        }

        var type = root.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (type == "hello")
        {
            var count = root.TryGetProperty("num_connections", out var n) && n.TryGetInt32(out var v) ? v : 1;
            _hello.TrySetResult(count);
        }
        else if (type == "disconnect")
        {
            var reason = root.TryGetProperty("reason", out var r) ? r.GetString() ?? "unknown" : "unknown";
            _ended.TrySetResult(reason);
        }
    }
}
