using ChatBot.Storage.Tests.TestSupport;

namespace ChatBot.Storage.Tests.Jobs;

/// <summary>The JobStore contract on SQLite.</summary>
public sealed class SqliteJobStoreTests : JobStoreContract
{
    private protected override Task<IStoreFixture> CreateFixtureAsync(long allowance) => Task.FromResult<IStoreFixture>(new StorageFixture(allowance));
}
