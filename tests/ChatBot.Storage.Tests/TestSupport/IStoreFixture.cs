using ChatBot.Core.Model;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Storage.Tests.TestSupport;

/// <summary>
/// A fresh test database of one store (SQLite file or PostgreSQL database), for the contract tests both stores pass.
/// Checks read the tables with SQL both engines speak (named parameters <c>@name</c>).
/// </summary>
internal interface IStoreFixture : IStores, IAsyncDisposable
{
    FakeTimeProvider Time { get; }

    /// <summary>Stores over a second handle on the same database, as a second process would have.</summary>
    IStores OpenAnotherHandle();

    long Scalar(string sql);

    /// <summary>Runs a statement (a test breaking a row by hand).</summary>
    void Execute(string sql);

    long BalanceOf(AccountKey account);

    /// <summary>How many ledger rows there are and what the account holds: equal before and after means nothing was written.</summary>
    (long LedgerRows, long Balance) LedgerOf(AccountKey account);

    /// <summary>Balance = sum of ledger, never negative, credits conserved, for every account.</summary>
    void AssertInvariants();
}
