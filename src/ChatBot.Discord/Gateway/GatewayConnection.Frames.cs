using ChatBot.Core.Platform;

namespace ChatBot.Discord.Gateway;

/// <summary>The connection's edges: a clean close on shutdown, no Hello, and frames that are not what they should be.</summary>
internal sealed partial class GatewayConnection
{
    /// <summary>Shutting down: close with 1000 so Discord ends the session (shows the bot offline at once); the read then ends.</summary>
    private async Task CloseForShutdownAsync()
    {
        try
        {
            await _sendLock.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                if (_socket.State == WebSocketState.Open)
                {
                    using var timeout = new CancellationTokenSource(CloseHandshakeTimeout);
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "shutting down", timeout.Token).ConfigureAwait(false);
                }
            }
            finally
            {
                _sendLock.Release();
            }

            _socketCts.CancelAfter(CloseHandshakeTimeout);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer is already gone.
        }
    }

    private void NoHello()
    {
        _helloTimedOut = true;
        try
        {
            _socketCts.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>The next frame; a frame that is not JSON is logged and skipped (an empty document stands for it), never fatal.</summary>
    private async Task<JsonDocument?> ReceiveOrSkipAsync(ClientWebSocket socket)
    {
        try
        {
            return await socket.ReceiveJsonAsync(_socketCts.Token).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            Log.MalformedFrame(logger, ex.Message);
            return JsonDocument.Parse("null");
        }
    }

    private async Task<GatewayOutcome?> HandleOrSkipAsync(JsonElement frame, CancellationToken cancellationToken)
    {
        try
        {
            return await HandleAsync(frame, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException or UriFormatException)
        {
            // A frame without the fields its op promises: skip it rather than drop a good connection.
            Log.MalformedFrame(logger, ex.Message);
            return null;
        }
    }
}
