using ChatBot.Storage.Tests.TestSupport;
using ChatBot.Testing.Postgres;

namespace ChatBot.Storage.Tests.Usage;

/// <summary>The UsageStore contract on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresUsageStoreTests(PostgresServer server) : UsageStoreContract
{
    private protected override async Task<IStoreFixture> CreateFixtureAsync(long allowance) => await PostgresStoreFixture.CreateAsync(server, allowance);
}
