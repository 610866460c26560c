namespace ChatBot.Storage.Tests.TestSupport;

/// <summary>
/// The base of a store contract test class: the same tests run once per store (a subclass per store gives
/// <see cref="CreateFixtureAsync"/>). Every test gets a fresh database; <see cref="NewFixtureAsync"/> adds more.
/// </summary>
public abstract class StoreContractTest(long defaultAllowance = 50) : IAsyncLifetime
{
    private readonly List<IStoreFixture> _fixtures = [];

    /// <summary>No test here cancels what it calls.</summary>
    protected static CancellationToken Ct => CancellationToken.None;

    private protected IStoreFixture Fixture { get; private set; } = null!;

    public async Task InitializeAsync() => Fixture = await NewFixtureAsync(defaultAllowance);

    public async Task DisposeAsync()
    {
        foreach (var fixture in _fixtures)
        {
            await fixture.DisposeAsync();
        }
    }

    /// <summary>Another fresh database with its own default allowance, disposed with the test.</summary>
    private protected async Task<IStoreFixture> NewFixtureAsync(long allowance)
    {
        var fixture = await CreateFixtureAsync(allowance);
        _fixtures.Add(fixture);
        return fixture;
    }

    private protected abstract Task<IStoreFixture> CreateFixtureAsync(long allowance);
}
