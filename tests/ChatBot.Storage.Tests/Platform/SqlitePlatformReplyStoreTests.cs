using ChatBot.Storage.Tests.TestSupport;

namespace ChatBot.Storage.Tests.Platform;

/// <summary>The PlatformReplyStore contract on SQLite.</summary>
public sealed class SqlitePlatformReplyStoreTests : PlatformReplyStoreContract
{
    private protected override Task<IStoreFixture> CreateFixtureAsync(long allowance) => Task.FromResult<IStoreFixture>(new StorageFixture(allowance));
}
