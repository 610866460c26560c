using ChatBot.Core.Jobs;
using ChatBot.Core.Replies;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Tests.Jobs;

public sealed class JobEnderTests
{
    private readonly EngineFixture _engine = new();

    [Fact]
    public async Task EndAsync_StoreRecordsTheEnding_ShowsTheFinalView()
    {
        var sut = CreateSut();

        await sut.EndAsync(_engine.Job("j1", "alice"), JobState.Failed, "The provider is down.", "unreachable");

        var final = (ReplyView)await _engine.Replies.FinalAsync("j1");
        final.Status.ShouldBe(ReplyStatus.Failed);
        final.StatusText.ShouldBe("The provider is down. No credits were charged.");
        await _engine.Store.Received(1).FailAsync("j1", JobState.Failed, "unreachable", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task EndAsync_JobAlreadyEnded_LeavesTheReplyAlone()
    {
        _engine.Store.FailAsync("j1", JobState.Cancelled, Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(false);
        var sut = CreateSut();

        await sut.EndAsync(_engine.Job("j1", "alice"), JobState.Cancelled, "Cancelled.", "cancelled by request");

        _engine.Replies.Updates.ShouldBeEmpty();
    }

    [Fact]
    public async Task EndAsync_ReplyCannotBeEdited_StillCompletes()
    {
        var sut = CreateSut();
        _engine.Replies.FailUpdates = true;

        await sut.EndAsync(_engine.Job("j1", "alice"), JobState.Failed, "Boom.", "internal error").WaitAsync(TimeSpan.FromSeconds(10));

        await _engine.Store.Received(1).FailAsync("j1", JobState.Failed, "internal error", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task EndAsync_StoreCannotWrite_KeepsTheEndingAndReportsStorageFailing()
    {
        _engine.Store.FailAsync("j1", JobState.Failed, Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns<bool>(_ => throw new IOException("database or disk is full"));
        var sut = CreateSut();

        await sut.EndAsync(_engine.Job("j1", "alice"), JobState.Failed, "Boom.", "internal error");

        _engine.Unwritten.IsFailing.ShouldBeTrue();
        _engine.Unwritten.Snapshot().ShouldHaveSingleItem().Job.Id.ShouldBe("j1");
        _engine.Replies.Updates.ShouldBeEmpty();
    }

    [Fact]
    public async Task RetryService_StoreTakesWritesAgain_EndsTheJobAndClearsTheFailure()
    {
        var full = true;
        _engine.Store.FailAsync("j1", JobState.Failed, Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(_ => full ? throw new IOException("database or disk is full") : true);
        using var service = new UnwrittenEndingsService(_engine.Unwritten, CreateSut(), Options.Create(new SchedulerOptions()), _engine.Time);
        await CreateSut().EndAsync(_engine.Job("j1", "alice"), JobState.Failed, "Boom.", "internal error");

        await service.RetryAsync();
        _engine.Unwritten.IsFailing.ShouldBeTrue("the disk is still full");
        full = false;
        await service.RetryAsync();

        var final = (ReplyView)await _engine.Replies.FinalAsync("j1");
        final.Status.ShouldBe(ReplyStatus.Failed);
        _engine.Unwritten.IsFailing.ShouldBeFalse();
    }

    private JobEnder CreateSut() => _engine.Ender;
}
