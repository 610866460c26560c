using ChatBot.Core.Commands.Handlers;
using ChatBot.Core.Replies;

namespace ChatBot.Core.Tests.Commands.Handlers;

public sealed class CancelCommandHandlerTests
{
    private readonly EngineFixture _engine = new();

    [Fact]
    public async Task Handle_NoIdAndNoJobs_SaysSo()
    {
        _engine.Store.GetActiveAsync(HandlerRequests.Alice.Account, Arg.Any<CancellationToken>()).Returns([]);

        var outcome = await CreateSut().HandleAsync(Request(null), default);

        outcome.ShouldBeOfType<CommandOutcome.Refused>().Message.ShouldBe("You have no jobs to cancel.");
    }

    [Fact]
    public async Task Handle_SomeoneElsesJob_IsRefusedUnlessAdmin()
    {
        _engine.Store.GetAsync("j1", Arg.Any<CancellationToken>()).Returns(_engine.Job("j1", "bob"));

        var outcome = await CreateSut().HandleAsync(Request("j1"), default);

        outcome.ShouldBeOfType<CommandOutcome.Refused>().Message.ShouldBe("You can only cancel your own jobs.");
        await _engine.Store.DidNotReceiveWithAnyArgs().FailAsync(default!, default, default!, default);
    }

    [Fact]
    public async Task Handle_EndedJob_IsRefused()
    {
        _engine.Store.GetAsync("j1", Arg.Any<CancellationToken>()).Returns(_engine.Job("j1", "alice") with { State = JobState.Succeeded });

        var outcome = await CreateSut().HandleAsync(Request("`j1`"), default);

        outcome.ShouldBeOfType<CommandOutcome.Refused>().Message.ShouldBe("Job `j1` has already ended (succeeded).");
    }

    [Fact]
    public async Task Handle_OwnJobNotInTheQueue_EndsItCancelled()
    {
        _engine.Store.GetActiveAsync(HandlerRequests.Alice.Account, Arg.Any<CancellationToken>()).Returns([_engine.Job("j1", "alice") with { State = JobState.Running }]);

        var outcome = await CreateSut().HandleAsync(Request(null), default);

        outcome.ShouldBeOfType<CommandOutcome.Info>().Text.ShouldBe("Cancelling 🎨 prompt of j1. Its 2 credits will be returned.");
        await _engine.Store.Received(1).FailAsync("j1", JobState.Cancelled, "cancelled by request", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_NoIdAndSeveralJobs_OffersACancelButtonPerJobNamedByItsPrompt()
    {
        _engine.Store.GetActiveAsync(HandlerRequests.Alice.Account, Arg.Any<CancellationToken>()).Returns(
            [_engine.Job("j1", "alice") with { State = JobState.Running }, _engine.Job("j2", "alice")]);

        var outcome = await CreateSut().HandleAsync(Request(null), default);

        var info = outcome.ShouldBeOfType<CommandOutcome.Info>();
        info.Text.ShouldNotContain("/cancel <job>");
        info.Buttons.Select(b => (b.Label, b.Action, b.JobId)).ShouldBe(
            [("Cancel 🎨 prompt of j1", ButtonAction.Cancel, "j1"), ("Cancel 🎨 prompt of j2", ButtonAction.Cancel, "j2")]);
    }

    private static CommandRequest Request(string? jobId) => HandlerRequests.For(CommandKind.Cancel, new CommandOptions { JobId = jobId });

    private CancelCommandHandler CreateSut() => new(_engine.Store, _engine.Scheduler, _engine.Ender);
}
