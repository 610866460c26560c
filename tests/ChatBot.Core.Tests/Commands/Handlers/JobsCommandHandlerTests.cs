using ChatBot.Core.Commands.Handlers;
using ChatBot.Core.Replies;

namespace ChatBot.Core.Tests.Commands.Handlers;

public sealed class JobsCommandHandlerTests
{
    private readonly EngineFixture _engine = new();

    [Fact]
    public async Task Handle_RunningJob_ListsItsStateAndReservationWithACancelButton()
    {
        var job = _engine.Job("j1", "alice") with { State = JobState.Running };
        _engine.Store.GetActiveAsync(HandlerRequests.Alice.Account, Arg.Any<CancellationToken>()).Returns([job]);
        _engine.Store.GetFinishedAsync(HandlerRequests.Alice.Account, JobsCommandHandler.FinishedShown, Arg.Any<CancellationToken>()).Returns([]);

        var outcome = await CreateSut().HandleAsync(HandlerRequests.For(CommandKind.Jobs), default);

        var info = outcome.ShouldBeOfType<CommandOutcome.Info>();
        info.Text.ShouldContain($"`j1` {ReplyText.Title(job.Spec)} — running, 2 credits reserved\n");
        info.Text.ShouldEndWith("Cancel one with its button or `/cancel <job>`.");
        info.Buttons.ShouldHaveSingleItem().ShouldBe(new ReplyButton(ButtonId.Encode(ButtonAction.Cancel, "j1"), $"Cancel {ReplyText.Title(job.Spec)}", ButtonAction.Cancel, "j1"));
    }

    [Fact]
    public async Task Handle_FinishedJobs_AreListedAfterTheActiveOnesWithoutButtons()
    {
        var done = _engine.Job("j2", "alice") with { State = JobState.Succeeded, ChargedCredits = 2 };
        _engine.Store.GetActiveAsync(HandlerRequests.Alice.Account, Arg.Any<CancellationToken>()).Returns([]);
        _engine.Store.GetFinishedAsync(HandlerRequests.Alice.Account, JobsCommandHandler.FinishedShown, Arg.Any<CancellationToken>()).Returns([done]);

        var outcome = await CreateSut().HandleAsync(HandlerRequests.For(CommandKind.Jobs), default);

        var info = outcome.ShouldBeOfType<CommandOutcome.Info>();
        info.Text.ShouldContain("Nothing queued or running.\n**Finished**\n");
        info.Text.ShouldEndWith($"`j2` {ReplyText.Title(done.Spec)} — succeeded, 2 credits");
        info.Buttons.ShouldBeEmpty();
    }

    [Fact]
    public async Task Handle_AwaitingConfirmation_SaysSoWithoutAReservationOfNothing()
    {
        var job = _engine.Job("j1", "alice") with { State = JobState.AwaitingConfirmation, ReservedCredits = 0 };
        _engine.Store.GetActiveAsync(HandlerRequests.Alice.Account, Arg.Any<CancellationToken>()).Returns([job]);
        _engine.Store.GetFinishedAsync(HandlerRequests.Alice.Account, JobsCommandHandler.FinishedShown, Arg.Any<CancellationToken>()).Returns([]);

        var outcome = await CreateSut().HandleAsync(HandlerRequests.For(CommandKind.Jobs), default);

        outcome.ShouldBeOfType<CommandOutcome.Info>().Text.ShouldContain($"`j1` {ReplyText.Title(job.Spec)} — waiting for your Confirm\n");
    }

    [Fact]
    public async Task Handle_NoJobsAtAll_SaysSo()
    {
        _engine.Store.GetActiveAsync(HandlerRequests.Alice.Account, Arg.Any<CancellationToken>()).Returns([]);
        _engine.Store.GetFinishedAsync(HandlerRequests.Alice.Account, JobsCommandHandler.FinishedShown, Arg.Any<CancellationToken>()).Returns([]);

        var outcome = await CreateSut().HandleAsync(HandlerRequests.For(CommandKind.Jobs), default);

        outcome.ShouldBeOfType<CommandOutcome.Info>().Text.ShouldBe("You have no jobs yet. Start one with `/imagine`.");
    }

    private JobsCommandHandler CreateSut() => new(_engine.Store, _engine.Scheduler);
}
