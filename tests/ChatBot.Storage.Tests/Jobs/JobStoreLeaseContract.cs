using ChatBot.Core.Model;
using ChatBot.Core.Jobs;
using ChatBot.Storage.Tests.TestSupport;
using static ChatBot.Storage.Tests.TestSupport.TestJobs;

namespace ChatBot.Storage.Tests.Jobs;

/// <summary>Claims under a lease, renewal, takeover and fencing: many workers, one queue (two handles are two workers).</summary>
public abstract class JobStoreLeaseContract() : StoreContractTest(defaultAllowance: 50)
{
    private static readonly AccountKey Carol = new("playground", "local", "carol");
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ClaimNextAsync_SeveralMembers_TakesTurnsRoundRobin()
    {
        var sut = CreateSut();
        await CreateAsync(sut, ("a1", Alice), ("a2", Alice), ("a3", Alice), ("b1", Bob), ("b2", Bob), ("c1", Carol));

        var order = new List<string>();
        while (await sut.ClaimNextAsync(Claim("worker-a", perUser: 10), Ct) is { } job)
        {
            order.Add(job.Id);
        }

        order.ShouldBe(["a1", "b1", "c1", "a2", "b2", "a3"]);
    }

    [Fact]
    public async Task ClaimNextAsync_MovesToSubmittingUnderTheWorkersLease()
    {
        var sut = CreateSut();
        await CreateAsync(sut, ("a1", Alice));

        var claimed = (await sut.ClaimNextAsync(Claim("worker-a"), Ct)).ShouldNotBeNull();

        claimed.Id.ShouldBe("a1");
        claimed.State.ShouldBe(JobState.Submitting);
        claimed.Owner.ShouldBe("worker-a");
        claimed.LeaseUntil.ShouldBe(Fixture.Time.GetUtcNow() + Lease);
        claimed.StartedAt.ShouldBe(Fixture.Time.GetUtcNow());
        (await sut.GetAsync("a1", Ct)).ShouldNotBeNull().State.ShouldBe(JobState.Submitting);
    }

    [Fact]
    public async Task ClaimNextAsync_TwoWorkers_CountMemberLimitAcrossBoth()
    {
        var workers = new[] { CreateSut(), Fixture.OpenAnotherHandle().JobStore() };
        await CreateAsync(workers[0], ("a1", Alice), ("a2", Alice), ("a3", Alice), ("b1", Bob));

        var first = await workers[0].ClaimNextAsync(Claim("worker-a"), Ct);
        var second = await workers[1].ClaimNextAsync(Claim("worker-b"), Ct);
        var third = await workers[0].ClaimNextAsync(Claim("worker-a"), Ct);
        var fourth = await workers[1].ClaimNextAsync(Claim("worker-b"), Ct);

        new[] { first?.Id, second?.Id, third?.Id }.ShouldBe(["a1", "b1", "a2"]);
        fourth.ShouldBeNull(); // Alice runs her 2; a3 waits, whichever worker asks.
        await workers[1].FailAsync("a1", JobState.Failed, "test", Ct);
        (await workers[1].ClaimNextAsync(Claim("worker-b"), Ct)).ShouldNotBeNull().Id.ShouldBe("a3");
    }

    [Fact]
    public async Task ClaimNextAsync_ProviderAtItsConcurrency_ClaimsNothingMore()
    {
        var sut = CreateSut();
        await CreateAsync(sut, ("a1", Alice), ("b1", Bob));
        var claim = Claim("worker-a") with { ProviderConcurrency = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["LOCAL"] = 1 } };

        (await sut.ClaimNextAsync(claim, Ct)).ShouldNotBeNull();
        (await sut.ClaimNextAsync(claim, Ct)).ShouldBeNull();
        (await sut.ClaimNextAsync(claim with { ProviderConcurrency = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) }, Ct)).ShouldNotBeNull();
    }

    [Fact]
    public async Task ClaimNextAsync_RacingClaimersOnTwoWorkers_NeverShareAJobNorPassTheMemberLimit()
    {
        var workers = new[] { CreateSut(), Fixture.OpenAnotherHandle().JobStore() };
        var members = Enumerable.Range(0, 10).Select(i => new AccountKey("playground", "local", $"m{i}")).ToArray();
        await CreateAsync(workers[0], [.. Enumerable.Range(0, 40).Select(i => ($"j{i}", members[i % 10]))]);

        var claimed = await Racers.RunAsync(40, i => workers[i % 2].ClaimNextAsync(Claim($"worker-{i % 2}", perUser: 2), Ct));

        var jobs = claimed.OfType<JobRecord>().ToList();
        jobs.Count.ShouldBe(20);
        jobs.Select(j => j.Id).Distinct(StringComparer.Ordinal).Count().ShouldBe(20);
        jobs.GroupBy(j => j.Account).ShouldAllBe(g => g.Count() == 2);
        Fixture.Scalar("SELECT COUNT(*) FROM jobs WHERE state = 'submitting'").ShouldBe(20);
    }

    [Fact]
    public async Task ClaimAsync_OneJob_ClaimsOnceForOneWorker()
    {
        var workers = new[] { CreateSut(), Fixture.OpenAnotherHandle().JobStore() };
        await CreateAsync(workers[0], ("a1", Alice));

        var results = await Racers.RunAsync(10, i => workers[i % 2].ClaimAsync("a1", $"worker-{i % 2}", Lease, Ct));

        results.Count(claimed => claimed).ShouldBe(1);
    }

    [Fact]
    public async Task RenewLeasesAsync_HeldJobs_ExtendsEveryLeaseAndKeepsOthersOut()
    {
        var sut = CreateSut();
        await CreateAsync(sut, ("a1", Alice), ("b1", Bob));
        await sut.ClaimNextAsync(Claim("worker-a"), Ct);
        await sut.ClaimNextAsync(Claim("worker-a"), Ct);
        Fixture.Time.Advance(TimeSpan.FromSeconds(20));

        var renewed = await sut.RenewLeasesAsync("worker-a", Lease, Ct);
        Fixture.Time.Advance(TimeSpan.FromSeconds(20));
        var taken = await Fixture.OpenAnotherHandle().JobStore().TakeOverAsync("worker-b", Lease, all: false, Ct);

        renewed.Order(StringComparer.Ordinal).ShouldBe(["a1", "b1"]);
        taken.ShouldBeEmpty();
        (await sut.GetAsync("a1", Ct)).ShouldNotBeNull().LeaseUntil.ShouldBe(Fixture.Time.GetUtcNow() + TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task TakeOverAsync_LeaseExpired_HandsTheJobToTheOtherWorkerWithItsRemoteId()
    {
        var (old, other) = (CreateSut(), Fixture.OpenAnotherHandle().JobStore());
        await CreateAsync(old, ("a1", Alice));
        await old.ClaimNextAsync(Claim("worker-a"), Ct);
        await old.MarkSubmittedAsync("a1", "remote-1", null, Ct, owner: "worker-a");
        Fixture.Time.Advance(Lease + TimeSpan.FromSeconds(1));

        var taken = await other.TakeOverAsync("worker-b", Lease, all: false, Ct);
        var renewedByOld = await old.RenewLeasesAsync("worker-a", Lease, Ct);

        var job = taken.ShouldHaveSingleItem();
        job.Id.ShouldBe("a1");
        job.Owner.ShouldBe("worker-b");
        job.State.ShouldBe(JobState.Running);
        job.RemoteId.ShouldBe("remote-1");
        renewedByOld.ShouldBeEmpty();
        (await other.TakeOverAsync("worker-c", Lease, all: false, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task FencedTransitions_ByTheOldOwnerAfterATakeover_ChangeNothing()
    {
        var (old, other) = (CreateSut(), Fixture.OpenAnotherHandle().JobStore());
        await CreateAsync(old, ("a1", Alice), ("a2", Alice));
        await old.ClaimAsync("a1", "worker-a", Lease, Ct);
        await old.ClaimAsync("a2", "worker-a", Lease, Ct);
        await old.MarkSubmittedAsync("a2", "remote-2", null, Ct, owner: "worker-a");
        Fixture.Time.Advance(Lease + TimeSpan.FromSeconds(1));
        await other.TakeOverAsync("worker-b", Lease, all: false, Ct);
        var before = Fixture.LedgerOf(Alice);

        (await old.MarkSubmittedAsync("a1", "remote-1", null, Ct, owner: "worker-a")).ShouldBeFalse();
        (await old.SetProviderAsync("a1", "other", Spec(), Ct, owner: "worker-a")).ShouldBeFalse();
        (await old.MarkDeliveringAsync("a2", ["k"], Ct, owner: "worker-a")).ShouldBeFalse();
        (await old.CompleteAsync("a2", 5, Ct, owner: "worker-a", outputKeys: ["k"])).ShouldBeFalse();
        (await old.FailAsync("a2", JobState.Failed, "late", Ct, owner: "worker-a")).ShouldBeFalse();

        Fixture.LedgerOf(Alice).ShouldBe(before);
        (await other.GetAsync("a1", Ct)).ShouldNotBeNull().State.ShouldBe(JobState.Submitting);
        (await other.MarkSubmittedAsync("a1", "remote-1", null, Ct, owner: "worker-b")).ShouldBeTrue();
        (await other.CompleteAsync("a2", 5, Ct, owner: "worker-b", outputKeys: ["k"])).ShouldBeTrue();
        (await other.FailAsync("a1", JobState.Cancelled, "cancelled by the member", Ct)).ShouldBeTrue(); // Unfenced: a member's cancel.
        Fixture.AssertInvariants();
    }

    [Fact]
    public async Task CompleteAsync_RunningWithOutputs_RecordsThemAndSettlesInOneStep()
    {
        var sut = CreateSut();
        await sut.CreateAsync(New(Alice, 10, "a1"), Ct);
        await sut.ClaimAsync("a1", "worker-a", Lease, Ct);
        await sut.MarkSubmittedAsync("a1", "remote-1", null, Ct, owner: "worker-a");

        (await sut.CompleteAsync("a1", 4, Ct, owner: "worker-a", outputKeys: ["k1", "k2"])).ShouldBeTrue();

        var job = (await sut.GetAsync("a1", Ct)).ShouldNotBeNull();
        job.State.ShouldBe(JobState.Succeeded);
        job.OutputKeys.ShouldBe(["k1", "k2"]);
        job.ChargedCredits.ShouldBe(4);
        Fixture.BalanceOf(Alice).ShouldBe(46);
        Fixture.AssertInvariants();
    }

    [Fact]
    public async Task ReleaseLeasesAsync_GracefulStop_LetsAnotherWorkerTakeOverAtOnce()
    {
        var (old, other) = (CreateSut(), Fixture.OpenAnotherHandle().JobStore());
        await CreateAsync(old, ("a1", Alice));
        await old.ClaimAsync("a1", "worker-a", Lease, Ct);

        (await old.ReleaseLeasesAsync("worker-a", Ct)).ShouldBe(1);

        (await other.TakeOverAsync("worker-b", Lease, all: false, Ct)).ShouldHaveSingleItem().Owner.ShouldBe("worker-b");
    }

    [Fact]
    public async Task TakeOverAsync_All_TakesUnexpiredLeasesToo()
    {
        var sut = CreateSut();
        await CreateAsync(sut, ("a1", Alice));
        await sut.ClaimAsync("a1", "previous-process", Lease, Ct);

        (await sut.TakeOverAsync("worker-a", Lease, all: true, Ct)).ShouldHaveSingleItem().Owner.ShouldBe("worker-a");
    }

    [Fact]
    public async Task TryTransitionAsync_BackToQueued_ClearsTheLease()
    {
        var sut = CreateSut();
        await CreateAsync(sut, ("a1", Alice));
        await sut.ClaimAsync("a1", "worker-a", Lease, Ct);

        (await sut.TryTransitionAsync("a1", JobState.Submitting, JobState.Queued, Ct)).ShouldBeTrue();

        var job = (await sut.GetAsync("a1", Ct)).ShouldNotBeNull();
        (job.Owner, job.LeaseUntil).ShouldBe((null, null));
        (await sut.ClaimNextAsync(Claim("worker-b"), Ct)).ShouldNotBeNull().Owner.ShouldBe("worker-b");
    }

    private static JobClaim Claim(string owner, int perUser = 2) => new(owner, Lease, perUser, DefaultProviderConcurrency: 100);

    /// <summary>Free jobs, one millisecond apart, in the given order.</summary>
    private async Task CreateAsync(IJobStore store, params (string Id, AccountKey Account)[] jobs)
    {
        foreach (var (id, account) in jobs)
        {
            await store.CreateAsync(New(account, 0, id), Ct);
            Fixture.Time.Advance(TimeSpan.FromMilliseconds(1));
        }
    }

    private IJobStore CreateSut() => Fixture.JobStore();
}
