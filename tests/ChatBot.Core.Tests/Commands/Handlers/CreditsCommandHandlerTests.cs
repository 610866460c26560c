using ChatBot.Core.Catalog;
using ChatBot.Core.Commands.Handlers;
using ChatBot.Core.Credits;
using ChatBot.Core.Jobs;

namespace ChatBot.Core.Tests.Commands.Handlers;

public sealed class CreditsCommandHandlerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 21, 30, 0, TimeSpan.Zero));
    private readonly ICreditLedger _ledger = Substitute.For<ICreditLedger>();
    private readonly IJobStore _jobs = Substitute.For<IJobStore>();

    [Fact]
    public async Task Handle_Credits_ShowsBalanceReservedAllowanceAndMovements()
    {
        var midnight = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
        _ledger.GetBalanceAsync(HandlerRequests.Alice.Account, Arg.Any<CancellationToken>()).Returns(new CreditBalance(38, 12, 50, midnight));
        _ledger.GetHistoryAsync(HandlerRequests.Alice.Account, Arg.Any<int>(), Arg.Any<CancellationToken>()).Returns(
            [new LedgerEntry(2, LedgerEntryKind.Reserve, -12, "job1", "imagine", _time.GetUtcNow())]);
        _jobs.GetAsync("job1", Arg.Any<CancellationToken>()).Returns(Job("job1", "a lighthouse at dusk", JobState.Running));

        var outcome = await CreateSut().HandleAsync(Request(CommandKind.Credits, new CommandOptions()), default);

        var text = outcome.ShouldBeOfType<CommandOutcome.Info>().Text;
        text.ShouldStartWith("**Credits:** 38 available, 12 held for running jobs\nDaily allowance: 50 · next top-up in ");
        text.ShouldEndWith("12 credits held for 'a lighthouse at dusk' (still running) · just now");
    }

    [Fact]
    public async Task Handle_Credits_FinishedJob_ReadsAsOneHumanLineWithoutItsId()
    {
        var at = _time.GetUtcNow().AddHours(-2);
        _ledger.GetBalanceAsync(HandlerRequests.Alice.Account, Arg.Any<CancellationToken>()).Returns(new CreditBalance(45, 0, 50, _time.GetUtcNow().AddHours(3)));
        _ledger.GetHistoryAsync(HandlerRequests.Alice.Account, Arg.Any<int>(), Arg.Any<CancellationToken>()).Returns(
        [
            new LedgerEntry(3, LedgerEntryKind.Release, 1, "d7yun8umwi", "settled", at),
            new LedgerEntry(2, LedgerEntryKind.Reserve, -5, "d7yun8umwi", "imagine", at),
            new LedgerEntry(1, LedgerEntryKind.Allowance, 50, null, "daily allowance", at.AddHours(-1)),
        ]);
        _jobs.GetAsync("d7yun8umwi", Arg.Any<CancellationToken>()).Returns(Job("d7yun8umwi", "a fox in the snow", JobState.Succeeded));

        var text = (await CreateSut().HandleAsync(Request(CommandKind.Credits, new CommandOptions()), default)).ShouldBeOfType<CommandOutcome.Info>().Text;

        text.ShouldContain("Recently:\n4 credits for 'a fox in the snow' · 2 h ago\n+50 credits daily top-up · 3 h ago");
        text.ShouldNotContain("d7yun8umwi");
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

    private static JobRecord Job(string id, string prompt, JobState state) => new()
    {
        Id = id,
        Account = HandlerRequests.Alice.Account,
        State = state,
        Provider = "local",
        Reply = new ReplyHandle("test", id),
        Spec = new JobSpec
        {
            Kind = CommandKind.Imagine,
            Operation = MediaOperation.Imagine,
            ModelId = "local-sketch",
            Options = new CommandOptions { Prompt = prompt },
            Conversation = new Conversation("c1"),
        },
    };

    private CreditsCommandHandler CreateSut() => new(_ledger, _jobs, _time);
}
