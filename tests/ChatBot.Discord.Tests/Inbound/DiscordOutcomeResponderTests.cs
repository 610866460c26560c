using ChatBot.Discord.Inbound;

namespace ChatBot.Discord.Tests.Inbound;

public sealed class DiscordOutcomeResponderTests
{
    private static DiscordOutcomeResponder CreateSut(DiscordTestHost host) => host.Services.GetRequiredService<DiscordOutcomeResponder>();

    private static CommandRequest Request(DiscordTestHost host) => new(
        CommandKind.Credits,
        new Actor(PlatformNames.Discord, host.GuildId, host.Member.UserId, "ada", IsAdmin: false),
        new Conversation(host.Channel.Id),
        new CommandOptions(),
        [],
        new ReplyHandle(PlatformNames.Discord, "{}"));

    [Fact]
    public async Task DispatchAsync_RefusedBeforeTheEngine_NeverDispatches()
    {
        await using var host = await DiscordTestHost.StartAsync(waitForReady: false);

        var outcome = await CreateSut(host).DispatchAsync(MappedCommand.Refuse("No image."), "failed", CancellationToken.None);

        outcome.ShouldBe(new CommandOutcome.Refused("No image."));
        host.Dispatcher.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task DispatchAsync_EngineThrows_RefusedWithTheFailureText()
    {
        await using var host = await DiscordTestHost.StartAsync(waitForReady: false);
        host.Dispatcher.Answer = _ => throw new InvalidOperationException("boom");

        var outcome = await CreateSut(host).DispatchAsync(new MappedCommand(Request(host), null), "nothing was charged", CancellationToken.None);

        outcome.ShouldBe(new CommandOutcome.Refused("nothing was charged"));
        host.Dispatcher.Requests.ShouldHaveSingleItem();
    }
}
