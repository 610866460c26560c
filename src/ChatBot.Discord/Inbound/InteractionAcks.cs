using ChatBot.Core.Metrics;
using ChatBot.Core.Platform;
using ChatBot.Discord.Replies;
using ChatBot.Discord.Rest;
using ChatBot.Discord.Rest.Models;

namespace ChatBot.Discord.Inbound;

/// <summary>
/// Acks first: an interaction whose first answer its parse alone decides (a deferral, <see cref="EarlyDeferral"/>) is
/// acknowledged as soon as it arrives, before the de-duplication write and outside the event-processing slots, so
/// Discord's 3 seconds never wait behind other work. The handler later awaits that acknowledgement instead of sending
/// its own; de-duplication still keeps a redelivered interaction from running twice, and one already acknowledged
/// here is not acknowledged again.
/// </summary>
internal sealed partial class InteractionAcks(DiscordRestClient rest, TimeProvider time, ILogger<InteractionAcks> logger, ChatBotMetrics? metrics = null)
{
    /// <summary>How many acknowledged interactions are remembered, so a replay (a gateway resume) sends nothing again.</summary>
    private const int Remembered = 4096;

    public const string BusyRefusal = "I'm overloaded right now, so I did not start this; nothing was charged. Please try again in a minute.";

    private readonly ConcurrentDictionary<string, Ack> _acks = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>
    /// Starts the acknowledgement of <paramref name="interaction"/> when its parse decides it. With a
    /// <paramref name="position"/> above 0 the member is told where it waits; with <paramref name="refuse"/> it is
    /// refused instead, at no cost. Returns false when it has no early acknowledgement (it runs as before).
    /// </summary>
    public bool Start(DiscordInteraction interaction, int position, bool refuse)
    {
        if (EarlyDeferral.For(interaction) is not { } response)
        {
            return false;
        }

        var ack = new Ack();
        if (!_acks.TryAdd(interaction.Id, ack))
        {
            return true; // a replay of one acknowledged here: nothing to send again
        }

        _order.Enqueue(interaction.Id);
        while (_order.Count > Remembered && _order.TryDequeue(out var old))
        {
            _acks.TryRemove(old, out _);
        }

        var received = time.GetTimestamp();
        _ = Task.Run(() => SendAsync(interaction, response, received, position, refuse, ack.Done));
        return true;
    }

    /// <summary>The early acknowledgement of an interaction (true when Discord took it), once; false when there was none.</summary>
    public bool TryTake(string interactionId, out Task<bool> acknowledged)
    {
        var taken = _acks.TryGetValue(interactionId, out var ack) && Interlocked.Exchange(ref ack.Taken, 1) == 0;
        acknowledged = taken ? ack!.Done.Task : Task.FromResult(false);
        return taken;
    }

    private async Task SendAsync(DiscordInteraction interaction, InteractionResponse response, long received, int position, bool refuse, TaskCompletionSource<bool> done)
    {
        try
        {
            await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, response, CancellationToken.None).ConfigureAwait(false);
            metrics?.Acknowledged(PlatformNames.Discord, time.GetElapsedTime(received));
        }
        catch (DiscordApiException ex)
        {
            // Too late, or already answered (a replay after a restart): nothing was dispatched, so nothing is charged.
            Log.AckFailed(logger, interaction.Id, ex.Code);
            done.TrySetResult(false);
            return;
        }
#pragma warning disable CA1031 // The handler sees the failure as if it had sent the acknowledgement itself.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            done.TrySetException(ex);
            return;
        }

        // A deferred update (a page turn) keeps the message it updates: no notice over it.
        if ((refuse || position > 0) && response.Type == InteractionResponse.DeferredChannelMessage)
        {
            await TellAsync(interaction, response, refuse ? BusyRefusal : BusyText(position)).ConfigureAwait(false);
        }

        done.TrySetResult(true);
    }

    /// <summary>Shows the member the wait (or the refusal) in the deferred reply, before the handler writes its own.</summary>
    private async Task TellAsync(DiscordInteraction interaction, InteractionResponse response, string text)
    {
        var ephemeral = response.Data?.Flags is { } flags && (flags & MessagePayload.Ephemeral) != 0;
        try
        {
            await rest.EditOriginalAsync(interaction.ApplicationId, interaction.Token, DiscordMessageRenderer.Text(text, ephemeral), null, CancellationToken.None).ConfigureAwait(false);
        }
        catch (DiscordApiException ex)
        {
            Log.NoticeFailed(logger, interaction.Id, ex.Code);
        }
    }

    public static string BusyText(int position) =>
        string.Create(CultureInfo.InvariantCulture, $"⏳ Busy — queued at position {position}. I'll start on it as soon as I can.");

    private sealed class Ack
    {
        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

#pragma warning disable SA1401, CA1051 // Interlocked needs the field itself.
        public int Taken;
#pragma warning restore SA1401, CA1051
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4600, Level = LogLevel.Warning, Message = "Could not acknowledge Discord interaction {InteractionId} (code {Code})")]
        public static partial void AckFailed(ILogger logger, string interactionId, int code);

        [LoggerMessage(EventId = 4601, Level = LogLevel.Warning, Message = "Could not tell the member of Discord interaction {InteractionId} that it waits (code {Code})")]
        public static partial void NoticeFailed(ILogger logger, string interactionId, int code);
    }
}
