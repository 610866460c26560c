namespace ChatBot.Storage.Postgres.Database;

/// <summary>
/// The PostgreSQL database of every worker. One pooled data source; each write is one transaction on a connection of
/// its own (READ COMMITTED: statements compare-and-set on the rows they change, and account rows are locked where a
/// reservation must serialise), so many writers run at once, in this process and in others. Pending migrations run
/// once before the first use, under an advisory lock so two workers starting together do not both apply a step.
/// </summary>
internal sealed class PostgresDatabase : IAsyncDisposable, IDisposable
{
    /// <summary>The advisory lock key of schema migrations (any constant both workers agree on).</summary>
    private const long MigrationLock = 0x43686174426F74;

    private readonly ILogger _logger;
    private readonly IReadOnlyList<PostgresMigration> _migrations;
    private readonly NpgsqlDataSource _source;
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private volatile bool _initialized;

    public PostgresDatabase(IOptions<PostgresStorageOptions> options, ILogger<PostgresDatabase> logger)
        : this(options.Value.ConnectionString, logger, PostgresMigrations.All)
    {
    }

    internal PostgresDatabase(string connectionString, ILogger logger, IReadOnlyList<PostgresMigration> migrations)
    {
        _logger = logger;
        _migrations = [.. migrations.OrderBy(m => m.Version)];
        var builder = new NpgsqlDataSourceBuilder(connectionString);

        // The same few statements run all day: let Npgsql prepare them server-side unless the operator chose otherwise.
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
        }

        _source = builder.Build();
        Describe = $"{builder.ConnectionStringBuilder.Host}:{builder.ConnectionStringBuilder.Port}/{builder.ConnectionStringBuilder.Database}";
    }

    /// <summary>"host:port/database": what logs and the start-up summary may name (never the user or password).</summary>
    public string Describe { get; }

    /// <summary>The schema version after start-up.</summary>
    public int SchemaVersion { get; private set; }

    /// <summary>Migrates the database; later calls return at once. Safe from any thread.</summary>
    public async Task EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        if (_initialized)
        {
            return;
        }

        await _initLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_initialized)
            {
                SchemaVersion = await MigrateAsync(cancellationToken).ConfigureAwait(false);
                PostgresLog.DatabaseReady(_logger, Describe, SchemaVersion);
                _initialized = true;
            }
        }
        finally
        {
            _initLock.Release();
        }
    }

    /// <summary>An open pooled connection; dispose it when done.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        return await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction and commits it, unless the work called
    /// <see cref="PostgresTransaction.Abort"/> or threw (then nothing it wrote remains).
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<PostgresTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // From here on the work runs to its end: a half-cancelled transaction helps nobody.
            var transaction = await connection.BeginTransactionAsync(CancellationToken.None).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var scope = new PostgresTransaction(connection, transaction);
                var result = await work(scope).ConfigureAwait(false);
                if (scope.IsAborted)
                {
                    await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                }
                else
                {
                    await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                }

                return result;
            }
        }
    }

    public void Dispose() => _source.Dispose();

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    private async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        var known = _migrations.Count == 0 ? 0 : _migrations[^1].Version;
        var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await connection.ScalarAsync(
                """
                CREATE TABLE IF NOT EXISTS schema_version (
                    version integer PRIMARY KEY,
                    description text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                );
                """,
                cancellationToken).ConfigureAwait(false);
            var version = Convert.ToInt32(await connection.ScalarAsync(SelectVersion, cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            if (version > known)
            {
                throw new InvalidOperationException(
                    $"The database {Describe} has schema version {version}, newer than this build knows ({known}). Use a newer build or another Storage:ConnectionString.");
            }

            foreach (var migration in _migrations.Where(m => m.Version > version))
            {
                var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    var tx = new PostgresTransaction(connection, transaction);
                    await tx.ExecuteAsync("SELECT pg_advisory_xact_lock(@key);", cancellationToken, ("key", MigrationLock)).ConfigureAwait(false);

                    // Another worker may have migrated while we waited for the lock.
                    if (await ReadVersionAsync(tx, cancellationToken).ConfigureAwait(false) >= migration.Version)
                    {
                        continue;
                    }

                    await tx.ExecuteAsync(migration.Sql, cancellationToken).ConfigureAwait(false);
                    await tx.ExecuteAsync(
                        "INSERT INTO schema_version (version, description) VALUES (@version, @description);",
                        cancellationToken,
                        ("version", migration.Version), ("description", migration.Description)).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    PostgresLog.MigrationApplied(_logger, migration.Version, migration.Description);
                }
            }

            return Convert.ToInt32(await connection.ScalarAsync(SelectVersion, cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }
    }

    private const string SelectVersion = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";

    private static async Task<int> ReadVersionAsync(PostgresTransaction tx, CancellationToken cancellationToken) =>
        Convert.ToInt32(await tx.ScalarAsync(SelectVersion, cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
}
