using ChatBot.Core.Commands.Handlers;
using ChatBot.Core.Credits;
using ChatBot.Core.Jobs;
using ChatBot.Core.Replies;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Tests.Commands.Handlers;

/// <summary>A job awaiting confirmation that nobody confirms ends after <c>Credits:ConfirmExpiry</c>, restart or not.</summary>
public sealed class ConfirmationExpiryTests
{
    private static readonly TimeSpan Expiry = TimeSpan.FromMinutes(15);
    private readonly EngineFixture _engine = new();

    [Fact]
    public async Task Watch_NobodyConfirms_CancelsAtTheExpiryWithNothingChargedNoButtonsAndSaysItExpired()
    {
        var job = Awaiting("j1", createdAgo: TimeSpan.Zero);
        using var sut = CreateSut();

        sut.Watch(job);
        _engine.Time.Advance(Expiry - TimeSpan.FromSeconds(1));
        await _engine.Store.DidNotReceiveWithAnyArgs().FailAsync(default!, default, default!, default);
        _engine.Time.Advance(TimeSpan.FromSeconds(1));

        var final = (ReplyView)await _engine.Replies.FinalAsync("j1");
        final.Status.ShouldBe(ReplyStatus.Cancelled);
        final.StatusText.ShouldBe("Nobody confirmed it within 15m 00s, so it expired. No credits were charged.");
        final.Buttons.ShouldBeEmpty();
        final.Cost.ShouldBe(new ReplyCost(0, ReplyCostState.Charged));
        await _engine.Store.Received(1).FailAsync("j1", JobState.Cancelled, "confirmation expired", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Watch_ConfirmedInTime_LeavesTheJobAlone()
    {
        var job = Awaiting("j1", createdAgo: TimeSpan.Zero);
        _engine.Store.GetAsync("j1", Arg.Any<CancellationToken>()).Returns(job with { State = JobState.Queued });
        using var sut = CreateSut();

        sut.Watch(job);
        _engine.Time.Advance(Expiry);

        await _engine.Store.Received(1).GetAsync("j1", Arg.Any<CancellationToken>());
        await _engine.Store.DidNotReceiveWithAnyArgs().FailAsync(default!, default, default!, default);
    }

    [Fact]
    public async Task Recover_AfterARestart_ExpiresFromTheStoredCreationTimeNotFromTheRestart()
    {
        var job = Awaiting("j1", createdAgo: TimeSpan.FromMinutes(14));
        _engine.Store.GetActiveAsync(Arg.Any<CancellationToken>()).Returns([job]);
        using var sut = CreateSut();
        var recovery = new JobRecovery(_engine.Store, _engine.Scheduler, _engine.Ender, _engine.Router, _engine.Leases, NullLogger<JobRecovery>.Instance, sut);

        await recovery.RecoverAsync(CancellationToken.None);
        _engine.Time.Advance(TimeSpan.FromMinutes(1) - TimeSpan.FromSeconds(1));
        await _engine.Store.DidNotReceiveWithAnyArgs().FailAsync(default!, default, default!, default);
        _engine.Time.Advance(TimeSpan.FromSeconds(1));

        ((ReplyView)await _engine.Replies.FinalAsync("j1")).StatusText.ShouldStartWith("Nobody confirmed it");
    }

    [Fact]
    public async Task Watch_ExpiryZero_NeverExpires()
    {
        var job = Awaiting("j1", createdAgo: TimeSpan.FromDays(2));
        using var sut = CreateSut(TimeSpan.Zero);

        sut.Watch(job);
        _engine.Time.Advance(TimeSpan.FromDays(1));

        await _engine.Store.DidNotReceiveWithAnyArgs().GetAsync(default!, default);
    }

    private ConfirmationExpiry CreateSut(TimeSpan? expiry = null) =>
        new(_engine.Store, _engine.Ender, Options.Create(new CreditOptions { ConfirmExpiry = expiry ?? Expiry }), _engine.Time, NullLogger<ConfirmationExpiry>.Instance);

    private JobRecord Awaiting(string id, TimeSpan createdAgo)
    {
        var job = _engine.Job(id, "alice") with { State = JobState.AwaitingConfirmation, ReservedCredits = 0, CreatedAt = _engine.Time.GetUtcNow() - createdAgo };
        _engine.Store.GetAsync(id, Arg.Any<CancellationToken>()).Returns(job);
        return job;
    }
}
