using Microsoft.Data.Sqlite;

namespace ChatBot.Storage.Sqlite;

/// <summary>The open write transaction handed to <see cref="SqliteDatabase.WriteAsync{T}"/> work.</summary>
internal sealed class WriteTransaction(SqliteDatabase database, SqliteTransaction transaction)
{
    public bool IsAborted { get; private set; }

    /// <summary>A prepared command bound to this transaction, with its parameters cleared.</summary>
    public SqliteCommand Command(string sql) => database.Command(sql, transaction);

    /// <summary>Rolls back everything written in this transaction instead of committing it.</summary>
    public void Abort() => IsAborted = true;
}
