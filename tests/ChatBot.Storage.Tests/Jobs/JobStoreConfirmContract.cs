using ChatBot.Core.Jobs;
using ChatBot.Core.Model;
using ChatBot.Storage.Tests.TestSupport;
using static ChatBot.Storage.Tests.TestSupport.TestJobs;

namespace ChatBot.Storage.Tests.Jobs;

/// <summary>Issue 12, cost before the run: a job awaiting confirmation reserves nothing until ConfirmAsync reserves its price.</summary>
public abstract class JobStoreConfirmContract() : StoreContractTest(defaultAllowance: 50)
{
    [Fact]
    public async Task CreateAsync_AwaitingConfirmation_ReservesNothing()
    {
        var sut = CreateSut();

        var created = (await sut.CreateAsync(New(Alice, 60, "dear") with { AwaitConfirmation = true }, Ct)).ShouldBeOfType<CreateJobResult.Created>();

        created.Job.State.ShouldBe(JobState.AwaitingConfirmation);
        created.Job.ReservedCredits.ShouldBe(0);
        (await sut.GetAsync("dear", Ct))!.State.ShouldBe(JobState.AwaitingConfirmation);
        (await sut.GetActiveAsync(Ct)).ShouldHaveSingleItem();
        Fixture.BalanceOf(Alice).ShouldBe(50);
        Fixture.Scalar("SELECT COUNT(*) FROM ledger WHERE kind = 'reserve'").ShouldBe(0);
        Fixture.AssertInvariants();
    }

    [Fact]
    public async Task ConfirmAsync_BalanceCovers_ReservesAndQueuesOnce()
    {
        var sut = CreateSut();
        await sut.CreateAsync(New(Alice, 30, "job-1") with { AwaitConfirmation = true }, Ct);

        var confirmed = (await sut.ConfirmAsync("job-1", 30, null, Ct)).ShouldBeOfType<CreateJobResult.Created>();
        var again = await sut.ConfirmAsync("job-1", 30, null, Ct);

        confirmed.Job.State.ShouldBe(JobState.Queued);
        confirmed.Job.ReservedCredits.ShouldBe(30);
        again.ShouldBeNull();
        Fixture.BalanceOf(Alice).ShouldBe(20);
        Fixture.Scalar("SELECT COUNT(*) FROM ledger WHERE kind = 'reserve' AND job_id = 'job-1' AND amount = -30").ShouldBe(1);
        Fixture.AssertInvariants();
    }

    [Fact]
    public async Task ConfirmAsync_BalanceNoLongerCovers_WritesNothingAndKeepsItWaiting()
    {
        var sut = CreateSut();
        await sut.CreateAsync(New(Alice, 30, "job-1") with { AwaitConfirmation = true }, Ct);
        await sut.CreateAsync(New(Alice, 40, "other"), Ct);

        var refused = (await sut.ConfirmAsync("job-1", 30, null, Ct)).ShouldBeOfType<CreateJobResult.InsufficientCredits>();

        refused.Balance.ShouldBe(10);
        (await sut.GetAsync("job-1", Ct))!.State.ShouldBe(JobState.AwaitingConfirmation);
        Fixture.BalanceOf(Alice).ShouldBe(10);
        Fixture.AssertInvariants();
    }

    [Fact]
    public async Task FailAsync_AwaitingConfirmation_CancelsWithNothingToRefund()
    {
        var sut = CreateSut();
        await sut.CreateAsync(New(Alice, 30, "job-1") with { AwaitConfirmation = true }, Ct);

        (await sut.FailAsync("job-1", JobState.Cancelled, "cancelled by request", Ct)).ShouldBeTrue();

        (await sut.ConfirmAsync("job-1", 30, null, Ct)).ShouldBeNull();
        Fixture.BalanceOf(Alice).ShouldBe(50);
        Fixture.AssertInvariants();
    }

    private IJobStore CreateSut() => Fixture.JobStore();
}
