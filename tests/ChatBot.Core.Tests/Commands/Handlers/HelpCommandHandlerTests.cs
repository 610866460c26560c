using ChatBot.Core.Commands.Handlers;

namespace ChatBot.Core.Tests.Commands.Handlers;

public sealed class HelpCommandHandlerTests
{
    [Fact]
    public async Task Handle_Help_ListsTheCommandsEphemerally()
    {
        var outcome = await CreateSut().HandleAsync(HandlerRequests.For(CommandKind.Help), default);

        var info = outcome.ShouldBeOfType<CommandOutcome.Info>();
        info.Ephemeral.ShouldBeTrue();
        info.Text.ShouldStartWith("**Commands**\n`/imagine <prompt>`");
    }

    private static HelpCommandHandler CreateSut() => new();
}
