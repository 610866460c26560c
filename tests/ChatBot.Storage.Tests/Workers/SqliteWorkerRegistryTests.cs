using ChatBot.Storage.Tests.TestSupport;

namespace ChatBot.Storage.Tests.Workers;

/// <summary>The WorkerRegistry contract on SQLite.</summary>
public sealed class SqliteWorkerRegistryTests : WorkerRegistryContract
{
    private protected override Task<IStoreFixture> CreateFixtureAsync(long allowance) => Task.FromResult<IStoreFixture>(new StorageFixture(allowance));
}
