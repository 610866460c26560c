using ChatBot.Core.Platform;

namespace ChatBot.Slack.Inbound;

/// <summary>
/// Where both transports drop Slack requests once they are acknowledged. Each request is recorded (SQLite, through
/// <see cref="IEventDeduplicator"/>) when a handler takes it, before it runs, so a redelivered envelope, a retried
/// event or a replayed request never runs a command twice. A failed write is tried again before the request is given up.
/// </summary>
internal sealed class SlackInbox(IEventDeduplicator deduplicator, TimeProvider time, ILogger<SlackInbox> logger)
{
    public const string DedupeSource = "slack";

    private static readonly TimeSpan[] RecordRetries = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1)];

    /// <summary>The queue of accepted requests and the loop that works them off (Core's shared inbound worker).</summary>
    public InboundWorker<SlackInboundItem> Worker { get; } = new("Slack", 1024, item => item.Kind.ToString(), logger);

    /// <summary>Queues an acknowledged request; waits only while the queue is full.</summary>
    public ValueTask AcceptAsync(SlackInboundItem item, CancellationToken cancellationToken) => Worker.EnqueueAsync(item, cancellationToken);

    /// <summary>Runs <paramref name="handle"/> for the request unless it was seen before (the worker's handler).</summary>
    public async Task RunOnceAsync(SlackInboundItem item, Func<SlackInboundItem, CancellationToken, Task> handle, CancellationToken cancellationToken)
    {
        if (item.DedupeKey is { } key && !await FirstTimeAsync(item, key, cancellationToken).ConfigureAwait(false))
        {
            logger.DuplicateSkipped(item.Kind.ToString(), key, item.RetryAttempt);
            return;
        }

        await handle(item, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> FirstTimeAsync(SlackInboundItem item, string key, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await deduplicator.TryMarkAsync(DedupeSource, key, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && attempt < RecordRetries.Length)
            {
                // Acknowledged already, so Slack will not send it again: try the write again (a locked file passes).
                logger.DedupeFailed(ex, item.Kind.ToString(), key);
                await Task.Delay(RecordRetries[attempt], time, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
