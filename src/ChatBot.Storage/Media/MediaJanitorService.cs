namespace ChatBot.Storage.Media;

/// <summary>Runs <see cref="MediaJanitor"/> at start-up and every <see cref="StorageOptions.MediaSweepInterval"/>.</summary>
internal sealed class MediaJanitorService(MediaJanitor janitor, IOptions<StorageOptions> options, TimeProvider time, ILogger<MediaJanitorService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await janitor.SweepAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
                {
                    // A full disk or a locked file: the next sweep tries again.
                    StorageLog.MediaSweepFailed(logger, ex);
                }

                await Task.Delay(options.Value.MediaSweepInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
