using ChatBot.Storage.Tests.TestSupport;
using ChatBot.Testing.Postgres;

namespace ChatBot.Storage.Tests.Tenants;

/// <summary>The TenantSettingsStore contract on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresTenantSettingsStoreTests(PostgresServer server) : TenantSettingsStoreContract
{
    private protected override async Task<IStoreFixture> CreateFixtureAsync(long allowance) => await PostgresStoreFixture.CreateAsync(server, allowance);
}
