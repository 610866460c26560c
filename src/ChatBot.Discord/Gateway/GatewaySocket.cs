using System.Net.WebSockets;
using System.Text.Json;

namespace ChatBot.Discord.Gateway;

/// <summary>Reading whole JSON frames from the gateway socket, and closing it without caring whether the peer is still there.</summary>
internal static class GatewaySocket
{
    private const int ReceiveBufferBytes = 16 * 1024;
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    /// <summary>The next frame, or null when the peer closed.</summary>
    public static async Task<JsonDocument?> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[ReceiveBufferBytes];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                message.Position = 0;
                return await JsonDocument.ParseAsync(message, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
    }

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
