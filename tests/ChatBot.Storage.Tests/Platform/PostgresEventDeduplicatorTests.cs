using ChatBot.Storage.Tests.TestSupport;
using ChatBot.Testing.Postgres;

namespace ChatBot.Storage.Tests.Platform;

/// <summary>The EventDeduplicator contract on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresEventDeduplicatorTests(PostgresServer server) : EventDeduplicatorContract
{
    private protected override async Task<IStoreFixture> CreateFixtureAsync(long allowance) => await PostgresStoreFixture.CreateAsync(server, allowance);
}
