using ChatBot.Testing.Postgres;

namespace ChatBot.Storage.Tests.TestSupport;

/// <summary>The test classes that share this run's one PostgreSQL cluster (each test gets its own database on it).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
