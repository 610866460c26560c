using ChatBot.Storage.Tests.TestSupport;

namespace ChatBot.Storage.Tests.Jobs;

/// <summary>The confirmation part of the JobStore contract on SQLite.</summary>
public sealed class SqliteJobStoreConfirmTests : JobStoreConfirmContract
{
    private protected override Task<IStoreFixture> CreateFixtureAsync(long allowance) => Task.FromResult<IStoreFixture>(new StorageFixture(allowance));
}
