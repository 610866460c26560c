using ChatBot.Storage.Tests.TestSupport;
using ChatBot.Testing.Postgres;

namespace ChatBot.Storage.Tests.Workers;

/// <summary>The WorkerRegistry contract on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresWorkerRegistryTests(PostgresServer server) : WorkerRegistryContract
{
    private protected override async Task<IStoreFixture> CreateFixtureAsync(long allowance) => await PostgresStoreFixture.CreateAsync(server, allowance);
}
