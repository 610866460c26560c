using ChatBot.Storage.Tests.TestSupport;

namespace ChatBot.Storage.Tests.Jobs;

/// <summary>The lease part of the JobStore contract on SQLite.</summary>
public sealed class SqliteJobStoreLeaseTests : JobStoreLeaseContract
{
    private protected override Task<IStoreFixture> CreateFixtureAsync(long allowance) => Task.FromResult<IStoreFixture>(new StorageFixture(allowance));
}
