namespace ChatBot.Storage;

/// <summary>Section <c>Storage</c>: where the SQLite database and the media files live.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The SQLite database file; its directory is created when missing. Relative paths start at the working directory.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DatabasePath { get; set; } = "data/chatbot.db";

    /// <summary>The directory of stored media (inputs, previews, results).</summary>
    [Required(AllowEmptyStrings = false)]
    public string MediaPath { get; set; } = "data/media";

    /// <summary>Largest file the media store accepts (null: no limit of its own; the engine caps inputs before).</summary>
    [Range(typeof(long), "1", "9223372036854775807")]
    public long? MaxMediaBytes { get; set; }

    /// <summary>
    /// The most all stored media may take together (null: no quota). Beyond it the oldest files that no unfinished
    /// job needs are removed; a button on such a result then says the picture has expired.
    /// </summary>
    [Range(typeof(long), "1", "9223372036854775807")]
    public long? MaxMediaStoreBytes { get; set; }

    /// <summary>How old a stored file no job refers to (a refused upload, a preview) must be before it is removed.</summary>
    public TimeSpan OrphanMediaAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the media store is swept for orphans and against its quota.</summary>
    public TimeSpan MediaSweepInterval { get; set; } = TimeSpan.FromMinutes(10);
}
