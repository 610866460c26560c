using ChatBot.Storage.Tests.TestSupport;

namespace ChatBot.Storage.Tests.Usage;

/// <summary>The UsageStore contract on SQLite.</summary>
public sealed class SqliteUsageStoreTests : UsageStoreContract
{
    private protected override Task<IStoreFixture> CreateFixtureAsync(long allowance) => Task.FromResult<IStoreFixture>(new StorageFixture(allowance));
}
