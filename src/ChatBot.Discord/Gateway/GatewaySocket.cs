namespace ChatBot.Discord.Gateway;

/// <summary>Closing the gateway socket without caring whether the peer is still there.</summary>
internal static class GatewaySocket
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Sends a close frame with <paramref name="code"/> (at most 2 s), then drops the socket.</summary>
    public static async Task CloseQuietlyAsync(ClientWebSocket socket, int code)
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(CloseTimeout);
                await socket.CloseOutputAsync((WebSocketCloseStatus)code, "reconnecting", timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer is already gone.
        }
        finally
        {
            socket.Abort();
        }
    }
}
