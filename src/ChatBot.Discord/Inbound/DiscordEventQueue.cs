using ChatBot.Core.Platform;
using ChatBot.Discord.Gateway;

namespace ChatBot.Discord.Inbound;

/// <summary>
/// Events from the gateway and the HTTP endpoint, waiting for <see cref="DiscordEventProcessor"/> in Core's shared
/// inbound worker. Only the two event types the bot acts on are queued.
/// </summary>
internal sealed class DiscordEventQueue(ILogger<DiscordEventQueue> logger) : IGatewayEventSink
{
    public const string InteractionCreate = "INTERACTION_CREATE";
    public const string ReactionAdd = "MESSAGE_REACTION_ADD";

    /// <summary>The bounded queue and the loop that works it off.</summary>
    public InboundWorker<DiscordEvent> Worker { get; } = new("Discord", 1024, item => item.Type, logger);

    public ValueTask PublishAsync(string type, JsonElement data, CancellationToken cancellationToken) =>
        type is InteractionCreate or ReactionAdd ? Worker.EnqueueAsync(new DiscordEvent(type, data), cancellationToken) : ValueTask.CompletedTask;
}
