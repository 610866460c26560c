using ChatBot.Core.Platform;

namespace ChatBot.Host.Playground;

/// <summary>
/// Keeps the Playground's conversation in the database: at start-up it puts the kept replies back into
/// <see cref="PlaygroundReplyStore"/> (before the page is served), then writes every change behind the store, coalesced
/// (a reply edited ten times between two writes is written once), and the last ones when the host stops.
/// </summary>
internal sealed partial class PlaygroundReplyJournal(
    PlaygroundReplyStore replies,
    IPlatformReplyStore store,
    IOptions<PlaygroundOptions> options,
    ILogger<PlaygroundReplyJournal> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var kept = await store.RecentAsync(PlatformNames.Playground, options.Value.MaxReplies, cancellationToken).ConfigureAwait(false);
        var restored = new List<PlaygroundReply>(kept.Count);
        foreach (var row in kept)
        {
            if (PlaygroundReplyDocument.Read(row) is { } reply)
            {
                restored.Add(reply);
            }
            else
            {
                LogUnreadable(logger, row.Id);
            }
        }

        replies.Restore(restored);
        LogRestored(logger, restored.Count);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await FlushAsync(CancellationToken.None).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await replies.WaitForUnsavedAsync(stoppingToken).ConfigureAwait(false);
                await FlushAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes what is left.
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        var changes = replies.TakeUnsaved();
        if (changes.Count == 0)
        {
            return;
        }

        try
        {
            await store.SaveAsync([.. changes.Where(c => c.Value is not null).Select(c => PlaygroundReplyDocument.Write(c.Value!))], cancellationToken).ConfigureAwait(false);
            await store.DeleteAsync(PlatformNames.Playground, [.. changes.Where(c => c.Value is null).Select(c => c.Key)], cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The page keeps working from memory; the next change of each reply writes it again.
            LogWriteFailed(logger, changes.Count, ex);
        }
    }

    [LoggerMessage(6600, LogLevel.Information, "Playground: {Count} replies restored from the database")]
    private static partial void LogRestored(ILogger logger, int count);

    [LoggerMessage(6601, LogLevel.Warning, "Playground: the kept reply {ReplyId} could not be read and is skipped")]
    private static partial void LogUnreadable(ILogger logger, string replyId);

    [LoggerMessage(6602, LogLevel.Warning, "Playground: {Count} reply changes could not be written to the database")]
    private static partial void LogWriteFailed(ILogger logger, int count, Exception exception);
}
