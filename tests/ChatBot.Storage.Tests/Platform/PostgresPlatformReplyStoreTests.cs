using ChatBot.Storage.Tests.TestSupport;
using ChatBot.Testing.Postgres;

namespace ChatBot.Storage.Tests.Platform;

/// <summary>The PlatformReplyStore contract on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresPlatformReplyStoreTests(PostgresServer server) : PlatformReplyStoreContract
{
    private protected override async Task<IStoreFixture> CreateFixtureAsync(long allowance) => await PostgresStoreFixture.CreateAsync(server, allowance);
}
