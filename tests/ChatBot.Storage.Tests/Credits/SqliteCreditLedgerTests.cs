using ChatBot.Storage.Tests.TestSupport;

namespace ChatBot.Storage.Tests.Credits;

/// <summary>The CreditLedger contract on SQLite.</summary>
public sealed class SqliteCreditLedgerTests : CreditLedgerContract
{
    private protected override Task<IStoreFixture> CreateFixtureAsync(long allowance) => Task.FromResult<IStoreFixture>(new StorageFixture(allowance));
}
