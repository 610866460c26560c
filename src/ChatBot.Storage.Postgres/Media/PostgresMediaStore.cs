using ChatBot.Core.Media;
using ChatBot.Storage.Postgres.Database;

namespace ChatBot.Storage.Postgres.Media;

/// <summary>
/// Media bytes as files under <see cref="PostgresStorageOptions.MediaPath"/> (<see cref="MediaFiles"/>), their records
/// in PostgreSQL. With several workers that directory must be shared by all of them (one volume or network share): a
/// button pressed on any worker reads a result another one stored.
/// </summary>
internal sealed class PostgresMediaStore : IMediaStore
{
    private const string Insert = """
        INSERT INTO media (key, content_type, file_name, length, width, height, source_url, created_at)
        VALUES (@key, @type, @name, @length, @width, @height, @source, @now);
        """;

    private const string Select = "SELECT content_type, file_name, length, width, height, source_url FROM media WHERE key = @key;";

    private readonly PostgresDatabase _database;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public PostgresMediaStore(PostgresDatabase database, TimeProvider time, IOptions<PostgresStorageOptions> options, ILogger<PostgresMediaStore> logger)
    {
        _database = database;
        _time = time;
        _logger = logger;
        Files = new MediaFiles(options.Value.MediaPath, options.Value.MaxMediaBytes);
    }

    public MediaFiles Files { get; }

    public Task<StoredMedia> SaveAsync(Stream content, string contentType, string fileName, int? width, int? height, CancellationToken cancellationToken) =>
        SaveAsync(content, contentType, fileName, width, height, null, cancellationToken);

    public async Task<StoredMedia> SaveAsync(Stream content, string contentType, string fileName, int? width, int? height, Uri? sourceUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        var key = MediaFiles.NewKey(contentType, fileName);
        var name = MediaFiles.CleanFileName(fileName, key);
        var length = await Files.WriteAsync(key, content, cancellationToken).ConfigureAwait(false);
        try
        {
            await _database.ExecuteAsync(Insert, CancellationToken.None,
                ("key", key), ("type", contentType), ("name", name), ("length", length), ("width", width), ("height", height),
                ("source", sourceUrl?.AbsoluteUri), ("now", _time.GetUtcNow().ToUnixTimeMilliseconds())).ConfigureAwait(false);
        }
        catch
        {
            Files.Delete(key);
            throw;
        }

        return new StoredMedia(key, contentType, name, length, width, height) { SourceUrl = sourceUrl };
    }

    public async Task<StoredMedia?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (!MediaFiles.IsValidKey(key))
        {
            return null;
        }

        var rows = await _database.ReadAllAsync(
            Select,
            r => new StoredMedia(key, r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetNullableInt32(3), r.GetNullableInt32(4))
            {
                SourceUrl = r.IsDBNull(5) ? null : new Uri(r.GetString(5), UriKind.Absolute),
            },
            cancellationToken,
            ("key", key)).ConfigureAwait(false);
        return rows.SingleOrDefault();
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var stream = Files.TryOpenRead(key);
        if (stream is null && MediaFiles.IsValidKey(key)
            && await _database.ScalarAsync("SELECT 1 FROM media WHERE key = @key;", cancellationToken, ("key", key)).ConfigureAwait(false) is not null)
        {
            PostgresLog.MediaFileMissing(_logger, key);
        }

        return stream;
    }
}
