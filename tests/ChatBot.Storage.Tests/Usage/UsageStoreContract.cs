using ChatBot.Core.Model;
using ChatBot.Core.Usage;
using ChatBot.Storage.Tests.TestSupport;
using static ChatBot.Storage.Tests.TestSupport.TestJobs;

namespace ChatBot.Storage.Tests.Usage;

public abstract class UsageStoreContract() : StoreContractTest(defaultAllowance: 50)
{
    [Fact]
    public async Task GetUsageAsync_JobsOverTwoDays_GroupsByMemberModelStateAndDay()
    {
        var jobs = Fixture.JobStore();
        await jobs.CreateAsync(New(Alice, 10, "a-1"), Ct);
        await jobs.TryTransitionAsync("a-1", JobState.Queued, JobState.Submitting, Ct);
        await jobs.MarkDeliveringAsync("a-1", ["out.png"], Ct);
        await jobs.CompleteAsync("a-1", 7, Ct);
        await jobs.CreateAsync(New(Bob, 5, "b-1"), Ct);
        await jobs.FailAsync("b-1", JobState.Failed, "provider down", Ct);
        Fixture.Time.Advance(TimeSpan.FromDays(1));
        await jobs.CreateAsync(New(Alice, 10, "a-2"), Ct);
        await jobs.TryTransitionAsync("a-2", JobState.Queued, JobState.Submitting, Ct);
        await jobs.MarkDeliveringAsync("a-2", ["out.png"], Ct);
        await jobs.CompleteAsync("a-2", 10, Ct);
        await jobs.CreateAsync(New(new AccountKey("playground", "elsewhere", "carol"), 1, "c-1"), Ct);

        var rows = await CreateSut().GetUsageAsync(Alice.Tenant, Fixture.Time.GetUtcNow().AddDays(-7), Ct);

        rows.OrderBy(r => r.Day).ThenBy(r => r.UserId, StringComparer.Ordinal).ShouldBe(
        [
            new UsageRow("alice", "local-sketch", "local", JobState.Succeeded, new DateOnly(2026, 11, 22), 1, 7),
            new UsageRow("bob", "local-sketch", "local", JobState.Failed, new DateOnly(2026, 11, 22), 1, 0),
            new UsageRow("alice", "local-sketch", "local", JobState.Succeeded, new DateOnly(2026, 11, 23), 1, 10),
        ]);
        (await CreateSut().GetUsageAsync(Alice.Tenant, Fixture.Time.GetUtcNow().AddHours(-1), Ct)).Sum(r => r.Jobs).ShouldBe(1);
    }

    private IUsageStore CreateSut() => Fixture.Usage();
}
