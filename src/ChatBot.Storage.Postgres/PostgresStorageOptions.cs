namespace ChatBot.Storage.Postgres;

/// <summary>
/// Section <c>Storage</c> when <c>Storage:Provider</c> is <c>Postgres</c>: the database and the media directory.
/// With several workers the media directory must be one directory every worker sees (a shared volume).
/// </summary>
public sealed class PostgresStorageOptions
{
    public const string Section = "Storage";

    /// <summary>
    /// The Npgsql connection string (<c>Host=…;Database=…;Username=…;Password=…</c>). A secret: never logged; the start-up
    /// summary names its host and database only.
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Storage:ConnectionString must be set when Storage:Provider is Postgres (Host=…;Database=…;Username=…;Password=…).")]
    public string ConnectionString { get; set; } = "";

    /// <summary>The directory of stored media (inputs, previews, results); their records are in the database.</summary>
    [Required(AllowEmptyStrings = false)]
    public string MediaPath { get; set; } = "data/media";

    /// <summary>Largest file the media store accepts (null: no limit of its own).</summary>
    [Range(typeof(long), "1", "9223372036854775807")]
    public long? MaxMediaBytes { get; set; }

    /// <summary>"host:port/database" of the connection string, for the start-up summary: never the user or password.</summary>
    public string Describe()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database}";
    }
}
