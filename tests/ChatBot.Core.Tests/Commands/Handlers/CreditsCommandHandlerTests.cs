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

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(-10_000_000_001)]
    public async Task Handle_GrantBeyondTheBound_IsRefusedNamingIt(long amount)
    {
        var outcome = await CreateSut().HandleAsync(Request(CommandKind.GrantCredits, new CommandOptions { TargetUserId = "bob", Amount = amount }, admin: true), default);

        outcome.ShouldBeOfType<CommandOutcome.Refused>().Message.ShouldContain("10,000,000,000");
        await _ledger.DidNotReceiveWithAnyArgs().GrantAsync(default, default, default!, default);
    }

    [Fact]
    public async Task Handle_GrantReachingTheBound_SaysTheBalanceIsCapped()
    {
        _ledger.GrantAsync(default, default, default!, default).ReturnsForAnyArgs(CreditLimits.MaxBalance);

        var outcome = await CreateSut().HandleAsync(Request(CommandKind.GrantCredits, new CommandOptions { TargetUserId = "bob", Amount = CreditLimits.MaxBalance }, admin: true), default);

        outcome.ShouldBeOfType<CommandOutcome.Info>().Text.ShouldContain("the most an account can hold");
    }

    [Fact]
    public async Task Handle_SetAllowanceBeyondTheBound_IsRefusedNamingIt()
    {
        var outcome = await CreateSut().HandleAsync(Request(CommandKind.SetAllowance, new CommandOptions { Amount = long.MaxValue }, admin: true), default);

        outcome.ShouldBeOfType<CommandOutcome.Refused>().Message.ShouldContain("10,000,000,000");
        await _ledger.DidNotReceiveWithAnyArgs().SetAllowanceAsync(default, default, default);
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

    [Fact]
    public async Task Handle_CreditsOfAnotherMember_AsAdmin_ShowsTheirBalance()
    {
        var bob = HandlerRequests.Alice.Account with { UserId = "bob" };
        _ledger.GetBalanceAsync(bob, Arg.Any<CancellationToken>()).Returns(new CreditBalance(7, 0, 50, _time.GetUtcNow().AddHours(3)));
        _ledger.GetHistoryAsync(bob, 10, Arg.Any<CancellationToken>()).Returns([]);

        var outcome = await CreateSut().HandleAsync(Request(CommandKind.Credits, new CommandOptions { TargetUserId = "bob" }, admin: true), default);

        outcome.ShouldBeOfType<CommandOutcome.Info>().Text.ShouldStartWith("**Credits of bob:** 7 available");
    }

    [Fact]
    public async Task Handle_CreditsOfAnotherMember_AsMember_IsRefused()
    {
        var outcome = await CreateSut().HandleAsync(Request(CommandKind.Credits, new CommandOptions { TargetUserId = "bob" }), default);

        outcome.ShouldBeOfType<CommandOutcome.Refused>().Message.ShouldContain("Only admins");
        await _ledger.DidNotReceiveWithAnyArgs().GetBalanceAsync(default, default);
    }

    private static CommandRequest Request(CommandKind kind, CommandOptions options, bool admin = false) =>
        HandlerRequests.For(kind, options, HandlerRequests.Alice with { IsAdmin = admin });

    private CreditsCommandHandler CreateSut() => new(_ledger, _time);
}
