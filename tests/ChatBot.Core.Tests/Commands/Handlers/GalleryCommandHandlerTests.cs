using ChatBot.Core.Commands.Handlers;
using ChatBot.Core.Tenants;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBot.Core.Tests.Commands.Handlers;

public sealed class GalleryCommandHandlerTests
{
    private readonly EngineFixture _engine = new(null, new EngineFixture.GatedProvider("p"));

    [Fact]
    public async Task Handle_UnknownJob_SaysTheButtonNoLongerWorks()
    {
        var outcome = await CreateSut().HandleAsync(Save("gone"), default);

        outcome.ShouldBeOfType<CommandOutcome.Refused>().Message.ShouldBe("I can't find that result any more, so this button no longer works.");
    }

    [Fact]
    public async Task Handle_JobOfAnotherTenant_IsRefusedAsUnknown()
    {
        _engine.Store.GetAsync("j1", Arg.Any<CancellationToken>()).Returns(_engine.Job("j1", "alice") with { Account = new AccountKey("test", "t2", "alice") });

        var outcome = await CreateSut().HandleAsync(Save("j1"), default);

        outcome.ShouldBeOfType<CommandOutcome.Refused>().Message.ShouldContain("can't find that result");
    }

    [Fact]
    public async Task Handle_GalleryTurnedOff_SaysHowAnAdminTurnsItOn()
    {
        _engine.Store.GetAsync("j1", Arg.Any<CancellationToken>()).Returns(_engine.Job("j1", "alice"));
        _engine.Tenants.GetAsync(Arg.Any<TenantKey>(), Arg.Any<CancellationToken>()).Returns(new TenantSettings { GalleryEnabled = false });

        var outcome = await CreateSut().HandleAsync(Save("j1"), default);

        outcome.ShouldBeOfType<CommandOutcome.Refused>().Message.ShouldContain("`/settings gallery on`");
    }

    [Fact]
    public async Task Handle_ProviderWithoutGallery_NamesTheProvider()
    {
        _engine.Store.GetAsync("j1", Arg.Any<CancellationToken>()).Returns(_engine.Job("j1", "alice"));
        _engine.Tenants.GetAsync(Arg.Any<TenantKey>(), Arg.Any<CancellationToken>()).Returns(new TenantSettings { GalleryEnabled = true });

        var outcome = await CreateSut().HandleAsync(Save("j1"), default);

        outcome.ShouldBeOfType<CommandOutcome.Refused>().Message.ShouldEndWith("has no gallery to save to.");
    }

    private GalleryCommandHandler CreateSut() =>
        new(_engine.Store, _engine.Tenants, _engine.Router, _engine.Media, NullLogger<GalleryCommandHandler>.Instance);

    private static CommandRequest Save(string jobId) =>
        HandlerRequests.For(CommandKind.SaveToGallery) with { SourceJobId = jobId, SourceOutputIndex = 0 };
}
