namespace ChatBot.Host.Operations;

/// <summary><c>Storage:Provider</c>: which store holds jobs, credits and settings.</summary>
internal sealed class StorageProviderOptions
{
    public const string Section = "Storage";

    /// <summary><c>Sqlite</c> (the default: one process, one file) or <c>Postgres</c> (<c>Storage:ConnectionString</c>; several workers).</summary>
    [RegularExpression("^(?i:sqlite|postgres)$", ErrorMessage = "Storage:Provider must be Sqlite or Postgres.")]
    public string Provider { get; set; } = "Sqlite";
}
