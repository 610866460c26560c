using ChatBot.Storage.Tests.TestSupport;

namespace ChatBot.Storage.Tests.Audit;

/// <summary>The StoreAudit contract on SQLite.</summary>
public sealed class SqliteStoreAuditTests : StoreAuditContract
{
    private protected override Task<IStoreFixture> CreateFixtureAsync(long allowance) => Task.FromResult<IStoreFixture>(new StorageFixture(allowance));
}
