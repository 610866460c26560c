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

    private ModelsCommandHandler CreateSut() =>
        new(_engine.Catalog, _engine.Router, _engine.Tenants, _engine.Time, NullLogger<ModelsCommandHandler>.Instance);
}
