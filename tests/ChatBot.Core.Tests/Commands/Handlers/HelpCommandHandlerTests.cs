using ChatBot.Core.Catalog;
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

    [Fact]
    public async Task Handle_HelpVideo_NamesEachOptionItsValuesAndTheModelsThatTakeIt()
    {
        var outcome = await CreateSut().HandleAsync(HandlerRequests.For(CommandKind.Help, new CommandOptions { Prompt = "/video" }), default);

        var text = outcome.ShouldBeOfType<CommandOutcome.Info>().Text;
        text.ShouldStartWith("`/video <prompt>`");
        text.ShouldEndWith("`--cfg` a number from 0 to 1 — `kling-a`");
        text.ShouldContain("`--duration` 5, 8 — `kling-a`, `veo-b`\n");
        text.ShouldNotContain("--steps");
    }

    private static HelpCommandHandler CreateSut() => new(new ModelCatalog(
    [
        new ModelDefinition
        {
            Id = "kling-a", Provider = "p", Operations = [MediaOperation.Video],
            Parameters = new Dictionary<string, ModelParameter>(StringComparer.OrdinalIgnoreCase) { ["duration"] = new() { Values = ["5"] }, ["cfg"] = new() { Min = 0, Max = 1 } },
        },
        new ModelDefinition
        {
            Id = "veo-b", Provider = "p", Operations = [MediaOperation.Video],
            Parameters = new Dictionary<string, ModelParameter>(StringComparer.OrdinalIgnoreCase) { ["duration"] = new() { Values = ["8"] } },
        },
        new ModelDefinition
        {
            Id = "img", Provider = "p", Operations = [MediaOperation.Imagine],
            Parameters = new Dictionary<string, ModelParameter>(StringComparer.OrdinalIgnoreCase) { ["steps"] = new() { Min = 1 } },
        },
    ]));
}
