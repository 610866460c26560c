using ChatBot.Storage.Tests.TestSupport;

namespace ChatBot.Storage.Tests.Tenants;

/// <summary>The MemberSettingsStore contract on SQLite.</summary>
public sealed class SqliteMemberSettingsStoreTests : MemberSettingsStoreContract
{
    private protected override Task<IStoreFixture> CreateFixtureAsync(long allowance) => Task.FromResult<IStoreFixture>(new StorageFixture(allowance));
}
