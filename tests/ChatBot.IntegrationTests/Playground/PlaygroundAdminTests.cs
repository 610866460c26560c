using ChatBot.Host.Playground;
using ChatBot.IntegrationTests.TestSupport;
using Microsoft.Extensions.Options;

namespace ChatBot.IntegrationTests.Playground;

public sealed class PlaygroundAdminTests
{
    [Fact]
    public async Task IsAdminAsync_FirstUserSeen_StaysAdminAfterARestart()
    {
        using var data = new TempDirectory();
        var options = new PlaygroundOptions { AdminFile = data.File("nested/admin.txt") };

        using (var first = CreateSut(options))
        {
            (await first.IsAdminAsync("alice", CancellationToken.None)).ShouldBeTrue();
            (await first.IsAdminAsync("bob", CancellationToken.None)).ShouldBeFalse();
        }

        using var restarted = CreateSut(options);
        (await restarted.IsAdminAsync("bob", CancellationToken.None)).ShouldBeFalse();
        (await restarted.IsAdminAsync("alice", CancellationToken.None)).ShouldBeTrue();
    }

    [Fact]
    public async Task IsAdminAsync_AdminConfigured_OnlyThatNameIsAdmin()
    {
        using var data = new TempDirectory();
        using var sut = CreateSut(new PlaygroundOptions { Admin = "Carol", AdminFile = data.File("admin.txt") });

        (await sut.IsAdminAsync("alice", CancellationToken.None)).ShouldBeFalse();
        (await sut.IsAdminAsync("carol", CancellationToken.None)).ShouldBeTrue();
        File.Exists(data.File("admin.txt")).ShouldBeFalse();
    }

    private static PlaygroundAdmin CreateSut(PlaygroundOptions options) => new(Options.Create(options));
}
