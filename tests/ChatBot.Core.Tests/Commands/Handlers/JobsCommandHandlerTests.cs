using ChatBot.Core.Commands.Handlers;
using ChatBot.Core.Replies;

namespace ChatBot.Core.Tests.Commands.Handlers;

public sealed class JobsCommandHandlerTests
{
    private readonly EngineFixture _engine = new();

    [Fact]
    public async Task Handle_RunningJob_ListsItsStateAndReservation()
    {
        var job = _engine.Job("j1", "alice") with { State = JobState.Running };
        _engine.Store.GetActiveAsync(HandlerRequests.Alice.Account, Arg.Any<CancellationToken>()).Returns([job]);

        var outcome = await CreateSut().HandleAsync(HandlerRequests.For(CommandKind.Jobs), default);

        var text = outcome.ShouldBeOfType<CommandOutcome.Info>().Text;
        text.ShouldContain($"`j1` {ReplyText.Title(job.Spec)} — running, 2 credits reserved\n");
        text.ShouldEndWith("Cancel one with `/cancel <job>`.");
    }

    [Fact]
    public async Task Handle_NoActiveJobs_SaysSo()
    {
        _engine.Store.GetActiveAsync(HandlerRequests.Alice.Account, Arg.Any<CancellationToken>()).Returns([]);

        var outcome = await CreateSut().HandleAsync(HandlerRequests.For(CommandKind.Jobs), default);

        outcome.ShouldBeOfType<CommandOutcome.Info>().Text.ShouldBe("You have no queued or running jobs.");
    }

    private JobsCommandHandler CreateSut() => new(_engine.Store, _engine.Scheduler);
}
