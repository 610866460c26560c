using ChatBot.Discord.Rest;
using ChatBot.Discord.Rest.Models;

namespace ChatBot.Discord.Inbound;

/// <summary>
/// Runs the handlers for queued events, several at once (Core's <see cref="ChatBot.Core.Platform.InboundWorker{T}"/>),
/// so one slow command never delays another's 3-second acknowledgement; a failing handler is logged by the worker.
/// </summary>
internal sealed class DiscordEventProcessor(
    DiscordEventQueue queue,
    InteractionHandler interactions,
    ReactionHandler reactions,
    IOptions<DiscordOptions> options) : BackgroundService
{
    /// <summary>The event-processing slots; above them an interaction waits in line (told its place, <see cref="InteractionAcks"/>).</summary>
    public const int MaxConcurrent = 32;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.IsEnabled ? queue.Worker.RunAsync(ProcessAsync, MaxConcurrent, stoppingToken) : Task.CompletedTask;

    private async Task ProcessAsync(DiscordEvent item, CancellationToken cancellationToken)
    {
        switch (item.Type)
        {
            case DiscordEventQueue.InteractionCreate:
                if ((item.Interaction ?? item.Data.Deserialize<DiscordInteraction>(DiscordJson.Options)) is { } interaction)
                {
                    await interactions.HandleAsync(interaction, cancellationToken).ConfigureAwait(false);
                }

                break;
            case DiscordEventQueue.ReactionAdd:
                await reactions.HandleAsync(item.Data, cancellationToken).ConfigureAwait(false);
                break;
        }
    }
}
