using System.Text.Json;
using ChatBot.Discord.Rest;
using ChatBot.Discord.Rest.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Inbound;

/// <summary>Runs the handlers for queued events, several at once, so one slow command never delays another's 3-second ack.</summary>
internal sealed partial class DiscordEventProcessor(
    DiscordEventQueue queue,
    InteractionHandler interactions,
    ReactionHandler reactions,
    IOptions<DiscordOptions> options,
    ILogger<DiscordEventProcessor> logger) : BackgroundService
{
    private const int MaxConcurrent = 32;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsEnabled)
        {
            return;
        }

        using var slots = new SemaphoreSlim(MaxConcurrent);
        var running = new List<Task>();
        try
        {
            await foreach (var (type, data) in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await slots.WaitAsync(stoppingToken);
                running.RemoveAll(t => t.IsCompleted);
                running.Add(Task.Run(
                    async () =>
                    {
                        try
                        {
                            await ProcessAsync(type, data, stoppingToken);
                        }
                        finally
                        {
                            slots.Release();
                        }
                    },
                    stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(running.Where(t => !t.IsCompleted)).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task ProcessAsync(string type, JsonElement data, CancellationToken cancellationToken)
    {
        try
        {
            switch (type)
            {
                case DiscordEventQueue.InteractionCreate:
                    var interaction = data.Deserialize<DiscordInteraction>(DiscordJson.Options);
                    if (interaction is not null)
                    {
                        await interactions.HandleAsync(interaction, cancellationToken);
                    }

                    break;
                case DiscordEventQueue.ReactionAdd:
                    await reactions.HandleAsync(data, cancellationToken);
                    break;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // One handler's failure must not stop the others.
            Log.HandlerFailed(logger, ex, type);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4401, Level = LogLevel.Error, Message = "Handling a Discord {EventType} event failed")]
        public static partial void HandlerFailed(ILogger logger, Exception exception, string eventType);
    }
}
