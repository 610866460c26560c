using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using ChatBot.Core.Media;
using ChatBot.Core.Platform;
using ChatBot.Storage.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Storage.Media;

/// <summary>
/// Media bytes as files under <see cref="StorageOptions.MediaPath"/> (<c>ab/abcdef….png</c>), their metadata in
/// the database. Keys are random, so they reveal nothing and cannot be guessed; a key is checked against its
/// strict format before it becomes a path. A file appears under its key only once complete (temp file, then rename).
/// </summary>
internal sealed partial class FileMediaStore : IMediaStore
{
    private const string TempFolder = ".tmp";
    private const int BufferSize = 81_920;

    private const string Insert = """
        INSERT INTO media (key, content_type, file_name, length, width, height, source_url, created_at)
        VALUES ($key, $type, $name, $length, $width, $height, $source, $now);
        """;

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly long? _maxBytes;

    public FileMediaStore(SqliteDatabase database, TimeProvider time, IOptions<StorageOptions> options, ILogger<FileMediaStore> logger)
    {
        _database = database;
        _time = time;
        _logger = logger;
        _maxBytes = options.Value.MaxMediaBytes;
        RootPath = Path.GetFullPath(options.Value.MediaPath);
    }

    public string RootPath { get; }

    public Task<StoredMedia> SaveAsync(Stream content, string contentType, string fileName, int? width, int? height, CancellationToken cancellationToken) =>
        SaveAsync(content, contentType, fileName, width, height, null, cancellationToken);

    public async Task<StoredMedia> SaveAsync(Stream content, string contentType, string fileName, int? width, int? height, Uri? sourceUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        var key = RandomNumberGenerator.GetHexString(24, lowercase: true) + "." + ExtensionFor(contentType, fileName);
        var name = CleanFileName(fileName, key);

        var temp = Path.Combine(RootPath, TempFolder, key + ".part");
        var target = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(temp)!);
        long length;
        try
        {
            length = await CopyToFileAsync(content, temp, cancellationToken).ConfigureAwait(false);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(temp, target);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        var stored = new StoredMedia(key, contentType, name, length, width, height) { SourceUrl = sourceUrl };
        try
        {
            await _database.WriteAsync(tx =>
            {
                var command = tx.Command(Insert);
                command.Parameters
                    .Set("$key", key)
                    .Set("$type", contentType)
                    .Set("$name", name)
                    .Set("$length", length)
                    .Set("$width", width)
                    .Set("$height", height)
                    .Set("$source", sourceUrl?.AbsoluteUri)
                    .Set("$now", SqliteValues.ToUnixMs(_time.GetUtcNow()));
                return command.ExecuteNonQuery();
            }, CancellationToken.None).ConfigureAwait(false);
        }
        catch
        {
            File.Delete(target);
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
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT content_type, file_name, length, width, height, source_url FROM media WHERE key = $key;";
        command.Parameters.Set("$key", key);
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
        if (!IsValidKey(key))
        {
            return Task.FromResult<Stream?>(null);
        }

        try
        {
            Stream stream = new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            if (IsRecorded(key))
            {
                StorageLog.MediaFileMissing(_logger, key);
            }

            return Task.FromResult<Stream?>(null);
        }
    }

    /// <summary>Removes partial files left by a crash mid-save; called at start-up, before any save.</summary>
    internal void DeleteTemporaryFiles()
    {
        var temp = Path.Combine(RootPath, TempFolder);
        if (Directory.Exists(temp))
        {
            foreach (var file in Directory.EnumerateFiles(temp, "*.part"))
            {
                File.Delete(file);
            }
        }
    }

    internal string PathOf(string key) => Path.Combine(RootPath, key[..2], key);

    internal static bool IsValidKey(string? key) => key is not null && KeyPattern().IsMatch(key);

    private async Task<long> CopyToFileAsync(Stream content, string path, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0, FileOptions.Asynchronous);
            await using (output.ConfigureAwait(false))
            {
                long length = 0;
                int read;
                while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                    if (length > _maxBytes)
                    {
                        throw new MediaRejectedException($"The file is larger than the {FormatBytes(_maxBytes.Value)} the bot keeps.");
                    }

                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }

                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                return length;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private bool IsRecorded(string key)
    {
        using var connection = _database.OpenRead();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM media WHERE key = $key;";
        command.Parameters.Set("$key", key);
        return command.ExecuteScalar() is not null;
    }

    private static string ExtensionFor(string contentType, string? fileName)
    {
        var known = contentType.ToLowerInvariant() switch
        {
            "image/png" => "png",
            "image/jpeg" => "jpg",
            "image/webp" => "webp",
            "image/gif" => "gif",
            "video/mp4" => "mp4",
            "video/webm" => "webm",
            "video/quicktime" => "mov",
            "audio/mpeg" => "mp3",
            "audio/mp4" => "m4a",
            "audio/wav" => "wav",
            "audio/ogg" => "ogg",
            "audio/flac" => "flac",
            _ => null,
        };
        if (known is not null)
        {
            return known;
        }

        var extension = Path.GetExtension(fileName ?? "").TrimStart('.').ToLowerInvariant();
        return ExtensionPattern().IsMatch(extension) ? extension : "bin";
    }

    private static string CleanFileName(string? fileName, string key)
    {
        var name = Path.GetFileName(fileName ?? "").Trim();
        if (name.Length == 0)
        {
            return key;
        }

        return name.Length <= 200 ? name : name[^200..];
    }

    private static string FormatBytes(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");

    [GeneratedRegex("^[0-9a-f]{24}\\.[a-z0-9]{1,8}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^[a-z0-9]{1,8}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ExtensionPattern();
}
