using ChatBot.Storage.Tests.TestSupport;

namespace ChatBot.Storage.Tests.Platform;

/// <summary>The EventDeduplicator contract on SQLite.</summary>
public sealed class SqliteEventDeduplicatorTests : EventDeduplicatorContract
{
    private protected override Task<IStoreFixture> CreateFixtureAsync(long allowance) => Task.FromResult<IStoreFixture>(new StorageFixture(allowance));
}
