using ChatBot.Core.Migration;
using ChatBot.Storage.Postgres.Database;

namespace ChatBot.Storage.Postgres.Audit;

/// <summary>
/// Takes a whole store into this (migrated, empty) database for <c>migrate</c>: one transaction, one binary
/// <c>COPY</c> per table (values converted to each column's type), then every identity sequence moved past the copied
/// ids. A table or column this schema lacks stops it with nothing written.
/// </summary>
internal sealed class PostgresStoreImport(PostgresDatabase database) : IStoreImport
{
    private const string ColumnTypes = """
        SELECT column_name, data_type, is_identity = 'YES' FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = @table;
        """;

    private const string Tables = """
        SELECT table_name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'schema_version';
        """;

    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            foreach (var table in await connection.ReadAllAsync(Tables, r => r.GetString(0), cancellationToken).ConfigureAwait(false))
            {
                if (await connection.ScalarAsync($"SELECT 1 FROM \"{table}\" LIMIT 1;", cancellationToken).ConfigureAwait(false) is not null)
                {
                    return false;
                }
            }

            return true;
        }
    }

    public async Task<IReadOnlyDictionary<string, long>> ImportAsync(IAsyncEnumerable<StoreTable> tables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var identities = new List<(string Table, string Column)>();
                await foreach (var table in tables.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    var types = (await connection.ReadAllAsync(ColumnTypes, r => (Name: r.GetString(0), Type: r.GetString(1), Identity: r.GetBoolean(2)), cancellationToken, ("table", table.Name)).ConfigureAwait(false))
                        .ToDictionary(c => c.Name, StringComparer.Ordinal);
                    if (types.Count == 0)
                    {
                        throw new InvalidOperationException($"The PostgreSQL schema has no table {table.Name}: this build cannot migrate it.");
                    }

                    var missing = table.Columns.Where(c => !types.ContainsKey(c)).ToList();
                    if (missing.Count > 0)
                    {
                        throw new InvalidOperationException($"The PostgreSQL table {table.Name} has no column {string.Join(", ", missing)}: this build cannot migrate it.");
                    }

                    identities.AddRange(types.Values.Where(c => c.Identity).Select(c => (table.Name, c.Name)));
                    counts[table.Name] = await CopyAsync(connection, table, [.. table.Columns.Select(c => types[c].Type)], cancellationToken).ConfigureAwait(false);
                }

                foreach (var (table, column) in identities)
                {
                    await connection.ScalarAsync(
                        $"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), COALESCE((SELECT MAX(\"{column}\") FROM \"{table}\"), 0) + 1, false);",
                        cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return counts;
    }

    private static async Task<long> CopyAsync(NpgsqlConnection connection, StoreTable table, string[] types, CancellationToken cancellationToken)
    {
        var columns = string.Join(", ", table.Columns.Select(c => $"\"{c}\""));
        var writer = await connection.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            await foreach (var row in table.Rows.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                await writer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < row.Length; i++)
                {
                    if (row[i] is not { } value)
                    {
                        await writer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await writer.WriteAsync(Convert(value, types[i]), types[i], cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            return (long)await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A SQLite value as the CLR type Npgsql writes for the column's type.</summary>
    private static object Convert(object value, string type) => type switch
    {
        "bigint" => System.Convert.ToInt64(value, CultureInfo.InvariantCulture),
        "integer" => System.Convert.ToInt32(value, CultureInfo.InvariantCulture),
        "smallint" => System.Convert.ToInt16(value, CultureInfo.InvariantCulture),
        "boolean" => System.Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0,
        "double precision" => System.Convert.ToDouble(value, CultureInfo.InvariantCulture),
        "text" => value as string ?? System.Convert.ToString(value, CultureInfo.InvariantCulture)!,
        _ => value,
    };
}
