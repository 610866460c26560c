namespace ChatBot.Storage.Tests.TestSupport;

/// <summary>
/// The base of a test class over the database: every test gets its own <see cref="StorageFixture"/> (a fresh file and
/// media folder, deleted after the test) and builds the store under test from it.
/// </summary>
public abstract class StorageTest(long defaultAllowance = 50, long? maxMediaBytes = null) : IDisposable
{
    private protected StorageFixture Fixture { get; } = new(defaultAllowance, maxMediaBytes);

    /// <summary>No test here cancels what it calls.</summary>
    protected static CancellationToken Ct => CancellationToken.None;

    public void Dispose()
    {
        Fixture.Dispose();
        GC.SuppressFinalize(this);
    }
}
