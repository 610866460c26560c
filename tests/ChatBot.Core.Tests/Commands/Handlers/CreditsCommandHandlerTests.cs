using ChatBot.Core.Commands.Handlers;
using ChatBot.Core.Credits;

namespace ChatBot.Core.Tests.Commands.Handlers;

public sealed class CreditsCommandHandlerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 21, 30, 0, TimeSpan.Zero));
    private readonly ICreditLedger _ledger = Substitute.For<ICreditLedger>();

    [Fact]
    public async Task Handle_Credits_ShowsBalanceReservedAllowanceAndMovements()
    {
        var midnight = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
        _ledger.GetBalanceAsync(HandlerRequests.Alice.Account, Arg.Any<CancellationToken>()).Returns(new CreditBalance(38, 12, 50, midnight));
        _ledger.GetHistoryAsync(HandlerRequests.Alice.Account, 10, Arg.Any<CancellationToken>()).Returns(
            [new LedgerEntry(2, LedgerEntryKind.Reserve, -12, "job1", "imagine", _time.GetUtcNow())]);

        var outcome = await CreateSut().HandleAsync(Request(CommandKind.Credits, new CommandOptions()), default);

        var text = outcome.ShouldBeOfType<CommandOutcome.Info>().Text;
        text.ShouldStartWith("**Credits:** 38 available, 12 reserved by running jobs\nDaily allowance: 50 · next top-up in ");
        text.ShouldEndWith("`  -12` reserve · job `job1` · 2026-11-22 21:30 UTC");
    }

    [Fact]
    public async Task Handle_NegativeGrant_SaysWhatWasTaken()
    {
        _ledger.GrantAsync(default, default, default!, default).ReturnsForAnyArgs(4);

        var outcome = await CreateSut().HandleAsync(Request(CommandKind.GrantCredits, new CommandOptions { TargetUserId = "bob", Amount = -1 }, admin: true), default);

        outcome.ShouldBeOfType<CommandOutcome.Info>().Text.ShouldBe("Took 1 credit from bob. Their balance is now 4.");
    }

    [Fact]
    public async Task Handle_SetAllowanceByNonAdmin_IsRefused()
    {
        var outcome = await CreateSut().HandleAsync(Request(CommandKind.SetAllowance, new CommandOptions { Amount = 10 }), default);

        outcome.ShouldBeOfType<CommandOutcome.Refused>().Message.ShouldBe("Only admins can set the daily allowance.");
        await _ledger.DidNotReceiveWithAnyArgs().SetAllowanceAsync(default, default, default);
    }

    [Fact]
    public async Task Handle_SetAllowanceNegative_IsRefused()
    {
        var outcome = await CreateSut().HandleAsync(Request(CommandKind.SetAllowance, new CommandOptions { Amount = -5 }, admin: true), default);

        outcome.ShouldBeOfType<CommandOutcome.Refused>().Message.ShouldContain("0 or more");
    }

    [Fact]
    public async Task Handle_SetAllowanceByAdmin_SetsTheTenantsAllowance()
    {
        var outcome = await CreateSut().HandleAsync(Request(CommandKind.SetAllowance, new CommandOptions { Amount = 20 }, admin: true), default);

        outcome.ShouldBeOfType<CommandOutcome.Info>().Text.ShouldStartWith("Daily allowance set to 20 credits.");
        await _ledger.Received(1).SetAllowanceAsync(new TenantKey("test", "t1"), 20, Arg.Any<CancellationToken>());
    }

    private static CommandRequest Request(CommandKind kind, CommandOptions options, bool admin = false) =>
        HandlerRequests.For(kind, options, HandlerRequests.Alice with { IsAdmin = admin });

    private CreditsCommandHandler CreateSut() => new(_ledger, _time);
}
