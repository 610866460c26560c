namespace ChatBot.Storage.Sqlite;

/// <summary>The open write transaction handed to <see cref="SqliteDatabase.WriteAsync{T}"/> work.</summary>
internal sealed class WriteTransaction(SqliteDatabase database, SqliteTransaction transaction)
{
    private List<Action>? _afterCommit;

    public bool IsAborted { get; private set; }

    /// <summary>The database this transaction writes (its caches of committed rows).</summary>
    public SqliteDatabase Database => database;

    /// <summary>
    /// Runs <paramref name="action"/> once this work's writes are committed, before its caller learns its result; never
    /// when they are rolled back (the work threw or aborted, or the batch failed to commit). For caches of committed rows.
    /// </summary>
    public void AfterCommit(Action action) => (_afterCommit ??= []).Add(action);

    /// <summary>What <see cref="AfterCommit"/> collected, for the database to run after the commit.</summary>
    internal List<Action>? CommittedActions => _afterCommit;

    /// <summary>A prepared command bound to this transaction, with exactly these parameters (null becomes SQL NULL).</summary>
    public SqliteCommand Command(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var command = database.Command(sql, transaction);
        command.Parameters.SetAll(parameters);
        return command;
    }

    /// <summary>Runs a statement that returns no rows; the number of rows it changed.</summary>
    public int Execute(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
        Command(sql, parameters).ExecuteNonQuery();

    /// <summary>Runs a statement and reads its first row, or null when it returned none.</summary>
    public T? ReadFirst<T>(string sql, Func<SqliteDataReader, T> read, params ReadOnlySpan<(string Name, object? Value)> parameters)
        where T : struct
    {
        using var reader = Command(sql, parameters).ExecuteReader();
        return reader.Read() ? read(reader) : null;
    }

    /// <summary>Rolls back everything written in this transaction instead of committing it.</summary>
    public void Abort() => IsAborted = true;
}
