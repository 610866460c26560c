using ChatBot.Core.Platform;

namespace ChatBot.Slack.Inbound;

/// <summary>
/// Where both transports drop Slack requests after acknowledging them. Each request is recorded
/// (SQLite, through <see cref="IEventDeduplicator"/>) before it is queued, so a redelivered envelope,
/// a retried event or a replayed request never runs a command twice.
/// </summary>
internal sealed class SlackInbox(IEventDeduplicator deduplicator, ILogger<SlackInbox> logger)
{
    public const string DedupeSource = "slack";

    /// <summary>The queue of accepted requests and the loop that works them off (Core's shared inbound worker).</summary>
    public InboundWorker<SlackInboundItem> Worker { get; } = new("Slack", 1024, item => item.Kind.ToString(), logger);

    /// <summary>Queues the request unless it was seen before. Returns false for a duplicate.</summary>
    public async Task<bool> AcceptAsync(SlackInboundItem item, int retryAttempt, CancellationToken cancellationToken)
    {
        if (item.DedupeKey is { } key && !await deduplicator.TryMarkAsync(DedupeSource, key, cancellationToken).ConfigureAwait(false))
        {
            logger.DuplicateSkipped(item.Kind.ToString(), key, retryAttempt);
            return false;
        }

        await Worker.EnqueueAsync(item, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
