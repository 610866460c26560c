namespace ChatBot.Discord.Gateway;

/// <summary>Receives dispatch events; must return quickly (the gateway's read loop waits on it).</summary>
internal interface IGatewayEventSink
{
    ValueTask PublishAsync(string type, JsonElement data, CancellationToken cancellationToken);
}
