namespace ChatBot.Storage.Postgres.Database;

/// <summary>The open transaction handed to <see cref="PostgresDatabase.WriteAsync{T}"/> work.</summary>
internal sealed class PostgresTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction)
{
    public bool IsAborted { get; private set; }

    /// <summary>Runs a statement that returns no rows; the number of rows it changed.</summary>
    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var command = connection.Command(sql, parameters, transaction);
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The first column of the first row, or null when there is none.</summary>
    public async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var command = connection.Command(sql, parameters, transaction);
        await using (command.ConfigureAwait(false))
        {
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is DBNull ? null : value;
        }
    }

    /// <summary>Runs a statement and reads its first row, or null when it returned none.</summary>
    public async Task<T?> ReadFirstAsync<T>(string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
        where T : struct
    {
        var command = connection.Command(sql, parameters, transaction);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? read(reader) : null;
            }
        }
    }

    /// <summary>Rolls back everything written in this transaction instead of committing it.</summary>
    public void Abort() => IsAborted = true;
}
