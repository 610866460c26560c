using ChatBot.Storage.Tests.TestSupport;
using ChatBot.Testing.Postgres;

namespace ChatBot.Storage.Tests.Credits;

/// <summary>The CreditLedger contract on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCreditLedgerTests(PostgresServer server) : CreditLedgerContract
{
    private protected override async Task<IStoreFixture> CreateFixtureAsync(long allowance) => await PostgresStoreFixture.CreateAsync(server, allowance);
}
