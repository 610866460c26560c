namespace ChatBot.Storage.Sqlite;

/// <summary>Queries on a read connection from <see cref="SqliteDatabase.OpenRead"/>: one statement, its parameters, its rows.</summary>
internal static class SqliteReads
{
    /// <summary>A command with exactly these parameters (null becomes SQL NULL).</summary>
    public static SqliteCommand Command(this SqliteConnection connection, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.SetAll(parameters);
        return command;
    }

    /// <summary>The first column of the first row, or null when there is none.</summary>
    public static object? Scalar(this SqliteConnection connection, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var command = connection.Command(sql, parameters);
        return command.ExecuteScalar();
    }

    /// <summary>Every row the statement returns, each read by <paramref name="read"/>.</summary>
    public static IReadOnlyList<T> ReadAll<T>(this SqliteConnection connection, string sql, Func<SqliteDataReader, T> read, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var command = connection.Command(sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>
    /// The newest <paramref name="count"/> rows of <paramref name="sql"/>, whose <c>LIMIT $count</c> this binds; none
    /// (and no query) when <paramref name="count"/> is not positive.
    /// </summary>
    public static Task<IReadOnlyList<T>> ReadLatestAsync<T>(
        this SqliteDatabase database, string sql, int count, Func<SqliteDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (count <= 0)
        {
            return Task.FromResult<IReadOnlyList<T>>([]);
        }

        using var connection = database.OpenRead();
        return Task.FromResult(connection.ReadAll(sql, read, [.. parameters, ("$count", count)]));
    }

    /// <summary>Sets each parameter in turn.</summary>
    public static void SetAll(this SqliteParameterCollection collection, ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        foreach (var (name, value) in parameters)
        {
            collection.Set(name, value);
        }
    }
}
