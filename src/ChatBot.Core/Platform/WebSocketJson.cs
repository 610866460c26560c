namespace ChatBot.Core.Platform;

/// <summary>
/// JSON over a WebSocket, as both platforms' event sockets speak it (Discord's gateway, Slack's Socket Mode):
/// one JSON document per text message, a message possibly split over several frames.
/// </summary>
public static class WebSocketJson
{
    private const int ReceiveBufferBytes = 16 * 1024;

    /// <summary>The next whole message as JSON, or null when the peer closed the socket.</summary>
    /// <exception cref="JsonException">The message is not JSON.</exception>
    public static async Task<JsonDocument?> ReceiveJsonAsync(this WebSocket socket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socket);
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

    /// <summary>Sends <paramref name="frame"/> as one text message; <paramref name="sendLock"/> keeps sends one at a time, as a WebSocket requires.</summary>
    public static async Task SendJsonAsync(this WebSocket socket, JsonObject frame, SemaphoreSlim sendLock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(sendLock);
        var bytes = Encoding.UTF8.GetBytes(frame.ToJsonString());
        await sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            sendLock.Release();
        }
    }
}
