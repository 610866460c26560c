namespace ChatBot.Storage.Sqlite;

/// <summary>
/// The one database file. Opens it (creating its directory), switches it to WAL and applies the pending
/// migrations once, before the first use. Writes go through one dedicated connection with prepared statements,
/// and the units queued while a transaction runs are committed together in the next one (group commit, see
/// <see cref="WriteAsync{T}"/>): SQLite admits a single writer anyway, and one commit for many units is far
/// cheaper than a commit each, or than many connections spinning on SQLITE_BUSY. <c>BEGIN IMMEDIATE</c> and a busy timeout
/// still guard against another process on the same file. Reads use pooled connections and run in parallel
/// with the writer (WAL).
/// </summary>
internal sealed partial class SqliteDatabase : IDisposable
{
    private const int BusyTimeoutMilliseconds = 10_000;

    private readonly ILogger _logger;
    private readonly IReadOnlyList<Migration> _migrations;
    private readonly string _writerConnectionString;
    private readonly string _readerConnectionString;
    private readonly Lock _writerGate = new();
    private readonly Lock _initLock = new();
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private SqliteConnection? _writer;
    private volatile bool _initialized;
    private bool _disposed;

    public SqliteDatabase(IOptions<StorageOptions> options, ILogger<SqliteDatabase> logger)
        : this(options.Value.DatabasePath, logger, Migrations.All)
    {
    }

    internal SqliteDatabase(string path, ILogger logger, IReadOnlyList<Migration> migrations)
    {
        _logger = logger;
        _migrations = [.. migrations.OrderBy(m => m.Version)];
        FilePath = Path.GetFullPath(path);
        _writerConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            ForeignKeys = true,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        }.ToString();
        _readerConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = true,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        }.ToString();
    }

    public string FilePath { get; }

    /// <summary>The schema version after start-up (PRAGMA user_version).</summary>
    public int SchemaVersion { get; private set; }

    /// <summary>Opens the file and migrates it; later calls return at once. Safe from any thread.</summary>
    public void EnsureInitialized()
    {
        if (_initialized)
        {
            return;
        }

        lock (_initLock)
        {
            if (_initialized)
            {
                return;
            }

            ObjectDisposedException.ThrowIf(_disposed, this);
            var directory = Path.GetDirectoryName(FilePath);
            if (!string.IsNullOrEmpty(directory))
            {
                OwnerOnly.CreateDirectory(directory);
            }

            OwnerOnly.EnsureFile(FilePath);

            lock (_writerGate)
            {
                var writer = Writer();
                SchemaVersion = Migrate(writer);
                StorageLog.DatabaseReady(_logger, FilePath, SchemaVersion);
            }

            _initialized = true;
        }
    }

    /// <summary>An open pooled connection for reading; dispose it when done.</summary>
    public SqliteConnection OpenRead()
    {
        EnsureInitialized();
        var connection = new SqliteConnection(_readerConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>A prepared command on the writer connection, reused across transactions.</summary>
    internal SqliteCommand Command(string sql, SqliteTransaction transaction)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _writer!.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }

        command.Transaction = transaction;
        command.Parameters.Clear();
        return command;
    }

    public void Dispose()
    {
        lock (_initLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            lock (_writerGate)
            {
                CloseWriter();
                using var reader = new SqliteConnection(_readerConnectionString);
                SqliteConnection.ClearPool(reader);
            }
        }
    }

    private SqliteConnection Writer()
    {
        if (_writer is not null)
        {
            return _writer;
        }

        var connection = new SqliteConnection(_writerConnectionString);
        try
        {
            connection.Open();
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = $"""
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = NORMAL;
                PRAGMA busy_timeout = {BusyTimeoutMilliseconds};
                PRAGMA foreign_keys = ON;
                """;
            pragmas.ExecuteNonQuery();
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        _writer = connection;
        return connection;
    }

    private int Migrate(SqliteConnection connection)
    {
        var known = _migrations.Count == 0 ? 0 : _migrations[^1].Version;
        var version = ReadVersion(connection, null);
        if (version > known)
        {
            throw new InvalidOperationException(
                $"The database {FilePath} has schema version {version}, newer than this build knows ({known}). Use a newer build or another Storage:DatabasePath.");
        }

        foreach (var migration in _migrations.Where(m => m.Version > version))
        {
            using var transaction = connection.BeginTransaction(deferred: false);

            // Another process may have migrated while we waited for the write lock.
            if (ReadVersion(connection, transaction) >= migration.Version)
            {
                continue;
            }

            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = $"{migration.Sql}\nPRAGMA user_version = {migration.Version};";
                command.ExecuteNonQuery();
            }

            transaction.Commit();
            StorageLog.MigrationApplied(_logger, migration.Version, migration.Description);
        }

        return ReadVersion(connection, null);
    }

    private static int ReadVersion(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private void RollBackOrReset(SqliteTransaction transaction)
    {
        try
        {
            transaction.Rollback();
        }
        catch (SqliteException exception)
        {
            // The connection is in an unknown state; the next write opens a fresh one.
            StorageLog.WriterReset(_logger, exception);
            CloseWriter();
        }
    }

    private void CloseWriter()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
        _writer?.Dispose();
        _writer = null;
    }
}
