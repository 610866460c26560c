using ChatBot.Storage.Postgres.Media;

namespace ChatBot.Storage.Postgres.Database;

/// <summary>
/// Migrates the database at start-up, so a wrong connection string or an unreachable server stops the host at once,
/// and creates the media directory. Partial media files are not swept here: other workers may be writing into the
/// same shared directory.
/// </summary>
internal sealed class PostgresInitializer(PostgresDatabase database, PostgresMediaStore media) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        ChatBot.Core.Media.MediaFiles.CreateOwnerOnlyDirectory(media.Files.RootPath);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
