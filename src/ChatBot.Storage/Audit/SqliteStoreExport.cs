using System.Runtime.CompilerServices;
using ChatBot.Core.Migration;
using ChatBot.Storage.Sqlite;

namespace ChatBot.Storage.Audit;

/// <summary>
/// Hands every table of the SQLite file to <c>migrate</c>, holding the file's host lock meanwhile so no host writes
/// while it is copied (a running host makes it refuse, with the lock's message). Known tables come parents first;
/// any other table follows, so a table this build does not know still reaches the target (which then refuses it).
/// </summary>
internal sealed class SqliteStoreExport(SqliteDatabase database) : IStoreExport
{
    private static readonly string[] Order = ["accounts", "tenant_allowances", "ledger", "reservations", "jobs", "seen_events", "media", "tenant_settings"];

    public async IAsyncEnumerable<StoreTable> ExportAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var hostLock = DatabaseLock.Acquire(database.FilePath);
        using var connection = database.OpenRead();
        var tables = connection.ReadAll("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%';", r => r.GetString(0));
        foreach (var table in Order.Where(tables.Contains).Concat(tables.Except(Order, StringComparer.Ordinal).Order(StringComparer.Ordinal)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var columns = connection.ReadAll($"SELECT name FROM pragma_table_info('{table}') ORDER BY cid;", r => r.GetString(0));
            yield return new StoreTable(table, columns, RowsAsync(connection, table, columns, cancellationToken));
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private static async IAsyncEnumerable<object?[]> RowsAsync(SqliteConnection connection, string table, IReadOnlyList<string> columns, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // rowid order is the order rows were written (tables WITHOUT ROWID have none: their key order then).
        var hasRowid = connection.ReadAll($"SELECT 1 FROM pragma_table_list WHERE name = '{table}' AND wr = 0;", r => r.GetInt64(0)).Count > 0;
        using var command = connection.Command($"SELECT {string.Join(", ", columns.Select(c => $"\"{c}\""))} FROM \"{table}\"{(hasRowid ? " ORDER BY rowid" : "")};");
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new object?[columns.Count];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            yield return row;
        }
    }
}
