using System.Threading.Channels;
using ChatBot.Core.Platform;
using Microsoft.Extensions.Logging;

namespace ChatBot.Slack.Inbound;

/// <summary>
/// Where both transports drop Slack requests after acknowledging them. Each request is recorded
/// (SQLite, through <see cref="IEventDeduplicator"/>) before it is queued, so a redelivered envelope,
/// a retried event or a replayed request never runs a command twice.
/// </summary>
internal sealed class SlackInbox(IEventDeduplicator deduplicator, ILogger<SlackInbox> logger)
{
    public const string DedupeSource = "slack";

    private readonly Channel<SlackInboundItem> _channel = Channel.CreateBounded<SlackInboundItem>(
        new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    public ChannelReader<SlackInboundItem> Reader => _channel.Reader;

    /// <summary>Queues the request unless it was seen before. Returns false for a duplicate.</summary>
    public async Task<bool> AcceptAsync(SlackInboundItem item, int retryAttempt, CancellationToken cancellationToken)
    {
        if (item.DedupeKey is { } key && !await deduplicator.TryMarkAsync(DedupeSource, key, cancellationToken).ConfigureAwait(false))
        {
            logger.DuplicateSkipped(item.Kind.ToString(), key, retryAttempt);
            return false;
        }

        await _channel.Writer.WriteAsync(item, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
