using ChatBot.Storage.Media;

namespace ChatBot.Storage.Sqlite;

/// <summary>Opens and migrates the database at start-up, so a broken file or path stops the host at once.</summary>
internal sealed class StorageInitializer(SqliteDatabase database, FileMediaStore media) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        database.EnsureInitialized();
        OwnerOnly.CreateDirectory(media.RootPath);
        media.DeleteTemporaryFiles();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
