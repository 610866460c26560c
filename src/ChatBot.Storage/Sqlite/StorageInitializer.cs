using ChatBot.Storage.Media;

namespace ChatBot.Storage.Sqlite;

/// <summary>
/// Takes the database's host lock, then opens and migrates the database at start-up, so a broken file or path,
/// or another live host on the same file, stops the host at once. The lock is held until the host stops.
/// </summary>
internal sealed class StorageInitializer(SqliteDatabase database, FileMediaStore media) : IHostedService, IDisposable
{
    private DatabaseLock? _lock;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(database.FilePath);
        if (!string.IsNullOrEmpty(directory))
        {
            OwnerOnly.CreateDirectory(directory);
        }

        _lock ??= DatabaseLock.Acquire(database.FilePath);
        database.EnsureInitialized();
        OwnerOnly.CreateDirectory(media.RootPath);
        media.DeleteTemporaryFiles();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Released with the container, after every other service is done with the database.
    public void Dispose() => _lock?.Dispose();
}
