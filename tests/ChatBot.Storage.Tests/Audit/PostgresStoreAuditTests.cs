using ChatBot.Storage.Tests.TestSupport;
using ChatBot.Testing.Postgres;

namespace ChatBot.Storage.Tests.Audit;

/// <summary>The StoreAudit contract on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreAuditTests(PostgresServer server) : StoreAuditContract
{
    private protected override async Task<IStoreFixture> CreateFixtureAsync(long allowance) => await PostgresStoreFixture.CreateAsync(server, allowance);
}
