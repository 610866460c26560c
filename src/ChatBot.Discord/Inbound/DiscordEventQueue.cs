using System.Text.Json;
using System.Threading.Channels;
using ChatBot.Discord.Gateway;

namespace ChatBot.Discord.Inbound;

/// <summary>Events from the gateway and the HTTP endpoint, waiting for <see cref="DiscordEventProcessor"/>.</summary>
internal sealed class DiscordEventQueue : IGatewayEventSink
{
    public const string InteractionCreate = "INTERACTION_CREATE";
    public const string ReactionAdd = "MESSAGE_REACTION_ADD";

    private readonly Channel<(string Type, JsonElement Data)> _channel =
        Channel.CreateBounded<(string, JsonElement)>(new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    public ChannelReader<(string Type, JsonElement Data)> Reader => _channel.Reader;

    public ValueTask PublishAsync(string type, JsonElement data, CancellationToken cancellationToken) =>
        type is InteractionCreate or ReactionAdd ? _channel.Writer.WriteAsync((type, data), cancellationToken) : ValueTask.CompletedTask;
}
