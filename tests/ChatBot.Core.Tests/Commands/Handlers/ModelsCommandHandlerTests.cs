using ChatBot.Core.Commands.Handlers;
using ChatBot.Core.Tenants;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBot.Core.Tests.Commands.Handlers;

public sealed class ModelsCommandHandlerTests
{
    private readonly EngineFixture _engine = new(null, new EngineFixture.GatedProvider("p"), new EngineFixture.GatedProvider("q") { IsAvailable = false });

    [Fact]
    public async Task Handle_Models_ListsProvidersStateModelsAndPrices()
    {
        _engine.Tenants.GetAsync(default, default).ReturnsForAnyArgs(new TenantSettings { DefaultModel = "m-p" });

        var outcome = await CreateSut().HandleAsync(HandlerRequests.For(CommandKind.Models), default);

        var text = outcome.ShouldBeOfType<CommandOutcome.Info>().Text;
        text.ShouldStartWith("**Models** (`--model <id>`; price in credits)\n\n__Provider p__ — available\n`m-p` (default) — ");
        text.ShouldContain(" — 2 per image\n");
        text.ShouldContain("__Provider q__ — unavailable (no key configured, or not answering)");
    }

    [Fact]
    public async Task Handle_DisabledModel_IsLeftOut()
    {
        _engine.Tenants.GetAsync(default, default).ReturnsForAnyArgs(new TenantSettings { DisabledModels = ["M-Q"] });

        var outcome = await CreateSut().HandleAsync(HandlerRequests.For(CommandKind.Models), default);

        outcome.ShouldBeOfType<CommandOutcome.Info>().Text.ShouldNotContain("`m-q`");
    }

    [Fact]
    public async Task Handle_ModelsWithAnId_ShowsThatModelsOptionsAndAllowedValues()
    {
        var outcome = await CreateSut().HandleAsync(HandlerRequests.For(CommandKind.Models, new CommandOptions { Prompt = "M-P" }), default);

        var text = outcome.ShouldBeOfType<CommandOutcome.Info>().Text;
        text.ShouldStartWith("**`m-p`** — m-p on Provider p\n");
        text.ShouldContain("`--ar` 1:1 or 16:9\n`--cfg` a number from 0 to 1 (upscaling)");
    }

    [Fact]
    public async Task Handle_ModelsWithAnUnknownId_IsRefused()
    {
        var outcome = await CreateSut().HandleAsync(HandlerRequests.For(CommandKind.Models, new CommandOptions { Prompt = "nope" }), default);

        outcome.ShouldBeOfType<CommandOutcome.Refused>().Message.ShouldContain("`nope`");
    }

    [Theory]
    [InlineData("edit", false)]
    [InlineData("lip-sync", true)]
    [InlineData("upscale", true)]
    public async Task Handle_OperationFilter_ListsOnlyTheModelsThatDoIt(string operation, bool listed)
    {
        var options = new CommandOptions { Extra = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["operation"] = operation } };

        var outcome = await CreateSut().HandleAsync(HandlerRequests.For(CommandKind.Models, options), default);

        var text = outcome.ShouldBeOfType<CommandOutcome.Info>().Text;
        text.ShouldStartWith("**Models for ");
        text.Contains("`m-p`", StringComparison.Ordinal).ShouldBe(listed);
    }

    [Fact]
    public async Task Handle_OperationNamedAsThePrompt_Filters()
    {
        var outcome = await CreateSut().HandleAsync(HandlerRequests.For(CommandKind.Models, new CommandOptions { Prompt = "video" }), default);

        outcome.ShouldBeOfType<CommandOutcome.Info>().Text.ShouldStartWith("**Models for video, lip sync, storyboards, video background removal**");
    }

    [Fact]
    public async Task Handle_UnknownOperationFilter_IsRefusedNamingTheOperations()
    {
        var options = new CommandOptions { Extra = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["operation"] = "dance" } };

        var outcome = await CreateSut().HandleAsync(HandlerRequests.For(CommandKind.Models, options), default);

        outcome.ShouldBeOfType<CommandOutcome.Refused>().Message.ShouldContain("lip-sync");
    }

    private ModelsCommandHandler CreateSut() =>
        new(_engine.Catalog, _engine.Router, _engine.Tenants, _engine.Time, NullLogger<ModelsCommandHandler>.Instance);
}
