using ChatBot.Storage.Tests.TestSupport;
using ChatBot.Testing.Postgres;
using Npgsql;

namespace ChatBot.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresServerTests(PostgresServer server)
{
    [Fact]
    public async Task CreateDatabaseAsync_TwoDatabases_AreSeparateAndOnVersion15()
    {
        var first = await server.CreateDatabaseAsync();
        var second = await server.CreateDatabaseAsync();

        first.ShouldNotBe(second);
        await using var connection = new NpgsqlConnection(first);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SHOW server_version_num;", connection);
        ((string)(await command.ExecuteScalarAsync())!).ShouldStartWith("15");
        Directory.EnumerateFiles(server.Root, ".s.PGSQL.*").ShouldNotBeEmpty();
    }
}
