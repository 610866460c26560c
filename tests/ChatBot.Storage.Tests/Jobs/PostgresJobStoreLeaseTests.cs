using ChatBot.Storage.Tests.TestSupport;
using ChatBot.Testing.Postgres;

namespace ChatBot.Storage.Tests.Jobs;

/// <summary>The lease part of the JobStore contract on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresJobStoreLeaseTests(PostgresServer server) : JobStoreLeaseContract
{
    private protected override async Task<IStoreFixture> CreateFixtureAsync(long allowance) => await PostgresStoreFixture.CreateAsync(server, allowance);
}
