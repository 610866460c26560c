using ChatBot.Storage.Tests.TestSupport;

namespace ChatBot.Storage.Tests.Tenants;

/// <summary>The TenantSettingsStore contract on SQLite.</summary>
public sealed class SqliteTenantSettingsStoreTests : TenantSettingsStoreContract
{
    private protected override Task<IStoreFixture> CreateFixtureAsync(long allowance) => Task.FromResult<IStoreFixture>(new StorageFixture(allowance));
}
