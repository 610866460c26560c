using ChatBot.Core.Media;
using ChatBot.Storage.Sqlite;

namespace ChatBot.Storage.Media;

/// <summary>
/// Media bytes as files under <see cref="StorageOptions.MediaPath"/> (<see cref="MediaFiles"/>: random keys, temp file
/// then rename), their metadata in the database.
/// </summary>
internal sealed class FileMediaStore : IMediaStore
{
    private const string Insert = """
        INSERT INTO media (key, content_type, file_name, length, width, height, source_url, created_at)
        VALUES ($key, $type, $name, $length, $width, $height, $source, $now);
        """;

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly MediaFiles _files;

    public FileMediaStore(SqliteDatabase database, TimeProvider time, IOptions<StorageOptions> options, ILogger<FileMediaStore> logger)
    {
        _database = database;
        _time = time;
        _logger = logger;
        _files = new MediaFiles(options.Value.MediaPath, options.Value.MaxMediaBytes);
    }

    public string RootPath => _files.RootPath;

    public Task<StoredMedia> SaveAsync(Stream content, string contentType, string fileName, int? width, int? height, CancellationToken cancellationToken) =>
        SaveAsync(content, contentType, fileName, width, height, null, cancellationToken);

    public async Task<StoredMedia> SaveAsync(Stream content, string contentType, string fileName, int? width, int? height, Uri? sourceUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        var key = MediaFiles.NewKey(contentType, fileName);
        var name = MediaFiles.CleanFileName(fileName, key);
        var length = await _files.WriteAsync(key, content, cancellationToken).ConfigureAwait(false);

        var stored = new StoredMedia(key, contentType, name, length, width, height) { SourceUrl = sourceUrl };
        try
        {
            await _database.WriteAsync(tx =>
            {
                return tx.Execute(Insert,
                    ("$key", key), ("$type", contentType), ("$name", name), ("$length", length), ("$width", width), ("$height", height),
                    ("$source", sourceUrl?.AbsoluteUri), ("$now", SqliteValues.ToUnixMs(_time.GetUtcNow())));
            }, CancellationToken.None).ConfigureAwait(false);
        }
        catch
        {
            _files.Delete(key);
            throw;
        }

        return stored;
    }

    public Task<StoredMedia?> GetAsync(string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!IsValidKey(key))
        {
            return Task.FromResult<StoredMedia?>(null);
        }

        using var connection = _database.OpenRead();
        using var command = connection.Command("SELECT content_type, file_name, length, width, height, source_url FROM media WHERE key = $key;", ("$key", key));
        using var reader = command.ExecuteReader();
        return Task.FromResult(reader.Read()
            ? new StoredMedia(key, reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetNullableInt32(3), reader.GetNullableInt32(4))
            {
                SourceUrl = reader.IsDBNull(5) ? null : new Uri(reader.GetString(5), UriKind.Absolute),
            }
            : null);
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var stream = _files.TryOpenRead(key);
        if (stream is null && IsValidKey(key) && IsRecorded(key))
        {
            StorageLog.MediaFileMissing(_logger, key);
        }

        return Task.FromResult(stream);
    }

    /// <summary>Removes partial files left by a crash mid-save; called at start-up, before any save.</summary>
    internal void DeleteTemporaryFiles() => _files.DeleteTemporaryFiles();

    internal string PathOf(string key) => _files.PathOf(key);

    internal static bool IsValidKey(string? key) => MediaFiles.IsValidKey(key);

    private bool IsRecorded(string key)
    {
        using var connection = _database.OpenRead();
        return connection.Scalar("SELECT 1 FROM media WHERE key = $key;", ("$key", key)) is not null;
    }
}
