namespace ChatBot.IntegrationTests.TestSupport;

/// <summary>A guard against a hung test, not a speed assertion: generous, and only ends a wait that would never end.</summary>
internal static class TestTimeout
{
    public static CancellationTokenSource Start(int seconds = 90) => new(TimeSpan.FromSeconds(seconds));
}
