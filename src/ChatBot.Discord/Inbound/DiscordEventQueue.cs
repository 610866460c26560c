using ChatBot.Core.Platform;
using ChatBot.Discord.Gateway;
using ChatBot.Discord.Rest;
using ChatBot.Discord.Rest.Models;

namespace ChatBot.Discord.Inbound;

/// <summary>
/// Events from the gateway and the HTTP endpoint, waiting for <see cref="DiscordEventProcessor"/> in Core's shared
/// inbound worker. Only the two event types the bot acts on are queued. An interaction is acknowledged here, as soon
/// as it is parsed (<see cref="InteractionAcks"/>); when too many wait already, it is refused at no cost instead.
/// </summary>
internal sealed class DiscordEventQueue(InteractionAcks acks, ILogger<DiscordEventQueue> logger) : IGatewayEventSink
{
    /// <summary>Above this many waiting events an interaction is refused (well inside the queue, so the gateway never waits on it).</summary>
    public const int RefuseAbove = 512;

    public const string InteractionCreate = "INTERACTION_CREATE";
    public const string ReactionAdd = "MESSAGE_REACTION_ADD";

    /// <summary>The bounded queue and the loop that works it off.</summary>
    public InboundWorker<DiscordEvent> Worker { get; } = new("Discord", 1024, item => item.Type, logger);

    public ValueTask PublishAsync(string type, JsonElement data, CancellationToken cancellationToken)
    {
        if (type == InteractionCreate && Parse(data) is { } interaction)
        {
            var position = Worker.PositionOfNext;
            var refuse = position > RefuseAbove;
            if (acks.Start(interaction, position, refuse) && refuse)
            {
                return ValueTask.CompletedTask;
            }

            return Worker.EnqueueAsync(new DiscordEvent(type, data, interaction), cancellationToken);
        }

        return type is InteractionCreate or ReactionAdd ? Worker.EnqueueAsync(new DiscordEvent(type, data), cancellationToken) : ValueTask.CompletedTask;
    }

    /// <summary>The interaction, or null when it does not read (the handler's worker logs that, as before).</summary>
    private static DiscordInteraction? Parse(JsonElement data)
    {
        try
        {
            return data.Deserialize<DiscordInteraction>(DiscordJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
