using ChatBot.Storage.Sqlite;

namespace ChatBot.Storage.Media;

/// <summary>
/// Keeps the media store bounded (issue 13 point 6). A sweep removes files no job refers to once they are older
/// than <see cref="StorageOptions.OrphanMediaAge"/> (uploads of refused commands, previews, files a crash left
/// without a record), then, while the store is over <see cref="StorageOptions.MaxMediaStoreBytes"/>, the oldest
/// files that no unfinished job needs. A job names its inputs in its spec and its results in its output keys;
/// keys are long random strings, so finding one inside those texts cannot match by accident.
/// </summary>
internal sealed class MediaJanitor(SqliteDatabase database, FileMediaStore media, IOptions<StorageOptions> options, TimeProvider time, ILogger<MediaJanitor> logger)
{
    private const string ReferencedBy = "EXISTS (SELECT 1 FROM jobs j WHERE {0}(instr(j.spec, m.key) > 0 OR instr(j.output_keys, m.key) > 0))";
    private const string Unfinished = "j.state NOT IN ('succeeded', 'failed', 'cancelled', 'refunded') AND ";

    /// <summary>One sweep; returns how many files went as orphans and how many were evicted for the quota.</summary>
    public async Task<(int Orphans, int Evicted)> SweepAsync(CancellationToken cancellationToken)
    {
        var cutoff = SqliteValues.ToUnixMs(time.GetUtcNow() - options.Value.OrphanMediaAge);
        var orphans = Keys($"SELECT m.key, m.length FROM media m WHERE m.created_at < $cutoff AND NOT {string.Format(CultureInfo.InvariantCulture, ReferencedBy, "")} ORDER BY m.created_at;", cutoff);
        await DeleteAsync(orphans.Select(o => o.Key), cancellationToken).ConfigureAwait(false);
        var strays = DeleteUnrecordedFiles(time.GetUtcNow() - options.Value.OrphanMediaAge);

        var evicted = 0;
        if (options.Value.MaxMediaStoreBytes is { } quota)
        {
            var total = Keys("SELECT '', COALESCE(SUM(length), 0) FROM media;", 0).Single().Length;
            var candidates = Keys($"SELECT m.key, m.length FROM media m WHERE NOT {string.Format(CultureInfo.InvariantCulture, ReferencedBy, Unfinished)} ORDER BY m.created_at, m.key;", 0);
            var victims = new List<string>();
            foreach (var (key, length) in candidates)
            {
                if (total <= quota)
                {
                    break;
                }

                victims.Add(key);
                total -= length;
            }

            await DeleteAsync(victims, cancellationToken).ConfigureAwait(false);
            evicted = victims.Count;
        }

        if (orphans.Count + strays + evicted > 0)
        {
            StorageLog.MediaSwept(logger, orphans.Count + strays, evicted);
        }

        return (orphans.Count + strays, evicted);
    }

    private List<(string Key, long Length)> Keys(string sql, long cutoff)
    {
        using var connection = database.OpenRead();
        using var command = connection.Command(sql, ("$cutoff", cutoff));
        using var reader = command.ExecuteReader();
        var rows = new List<(string, long)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return rows;
    }

    /// <summary>The record goes first: a file without a record is a stray the next sweep removes, never a dangling record.</summary>
    private async Task DeleteAsync(IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
        {
            await database.WriteAsync(tx => tx.Execute("DELETE FROM media WHERE key = $key;", ("$key", key)), cancellationToken).ConfigureAwait(false);
            if (FileMediaStore.IsValidKey(key))
            {
                File.Delete(media.PathOf(key));
            }
        }
    }

    private int DeleteUnrecordedFiles(DateTimeOffset olderThan)
    {
        if (!Directory.Exists(media.RootPath))
        {
            return 0;
        }

        var deleted = 0;
        using var connection = database.OpenRead();
        foreach (var shard in Directory.EnumerateDirectories(media.RootPath).Where(d => !Path.GetFileName(d).StartsWith('.')))
        {
            foreach (var file in Directory.EnumerateFiles(shard))
            {
                var key = Path.GetFileName(file);
                if (File.GetLastWriteTimeUtc(file) < olderThan.UtcDateTime
                    && connection.Scalar("SELECT 1 FROM media WHERE key = $key;", ("$key", key)) is null)
                {
                    File.Delete(file);
                    deleted++;
                }
            }
        }

        return deleted;
    }
}
