namespace ChatBot.Storage.Postgres.Database;

/// <summary>Commands with named parameters (<c>@name</c>; null becomes SQL NULL), and reading their rows.</summary>
internal static class PostgresCommands
{
    public static NpgsqlCommand Command(this NpgsqlConnection connection, string sql, (string Name, object? Value)[] parameters, NpgsqlTransaction? transaction = null)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    /// <summary>Every row the statement returns, each read by <paramref name="read"/>.</summary>
    public static async Task<IReadOnlyList<T>> ReadAllAsync<T>(
        this NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var command = connection.Command(sql, parameters);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var rows = new List<T>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(read(reader));
                }

                return rows;
            }
        }
    }

    /// <summary>The first column of the first row, or null when there is none.</summary>
    public static async Task<object?> ScalarAsync(this NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var command = connection.Command(sql, parameters);
        await using (command.ConfigureAwait(false))
        {
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is DBNull ? null : value;
        }
    }

    /// <summary>Every row of a query on a connection of its own.</summary>
    public static async Task<IReadOnlyList<T>> ReadAllAsync<T>(
        this PostgresDatabase database, string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await connection.ReadAllAsync(sql, read, cancellationToken, parameters).ConfigureAwait(false);
        }
    }

    /// <summary>The first column of the first row of a query on a connection of its own, or null.</summary>
    public static async Task<object?> ScalarAsync(this PostgresDatabase database, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await connection.ScalarAsync(sql, cancellationToken, parameters).ConfigureAwait(false);
        }
    }

    /// <summary>One statement on a connection of its own (its own transaction); the number of rows it changed.</summary>
    public static async Task<int> ExecuteAsync(this PostgresDatabase database, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.Command(sql, parameters);
            await using (command.ConfigureAwait(false))
            {
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public static string? GetNullableString(this NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? GetNullableInt64(this NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    public static int? GetNullableInt32(this NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    public static DateTimeOffset? GetNullableTime(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));
}
