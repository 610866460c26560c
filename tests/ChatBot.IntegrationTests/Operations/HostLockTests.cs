using ChatBot.IntegrationTests.TestSupport;

namespace ChatBot.IntegrationTests.Operations;

/// <summary>Issue 13 point 10: one live host per SQLite file.</summary>
public sealed class HostLockTests
{
    [Fact]
    public async Task Start_SecondHostOnTheSameDatabase_RefusesWithOneClearMessage_AndStartsOnceTheFirstIsGone()
    {
        using var data = new TempDirectory();
        using var timeout = TestTimeout.Start(120);
        using var first = await ChildHost.StartAsync(data, TimeSpan.Zero, timeout.Token);

        var refused = await Should.ThrowAsync<InvalidOperationException>(() => ChildHost.StartAsync(data, TimeSpan.Zero, timeout.Token));

        refused.Message.ShouldContain($"Another ChatBot host is already running on the database {data.File("chatbot.db")}");
        refused.Message.ShouldContain("Storage:DatabasePath");
        (await first.Client.CreditsAsync("alice")).ShouldBeGreaterThan(0, "the first host keeps working");

        // A crash releases the lock with the process: the next host starts on the same file.
        await first.KillAsync();
        using var next = await ChildHost.StartAsync(data, TimeSpan.Zero, timeout.Token);
        (await next.Client.CreditsAsync("alice")).ShouldBeGreaterThan(0);
    }
}
