using ChatBot.Core.Audit;
using ChatBot.Core.Model;
using ChatBot.Storage.Tests.TestSupport;
using static ChatBot.Storage.Tests.TestSupport.TestJobs;

namespace ChatBot.Storage.Tests.Audit;

public abstract class StoreAuditContract() : StoreContractTest(defaultAllowance: 50)
{
    [Fact]
    public async Task RunAsync_StoreTheBotWrote_IsCleanWithItsFigures()
    {
        await WriteHistoryAsync();

        var report = await CreateSut().RunAsync(Fixture.Time.GetUtcNow().AddHours(-1), Ct);

        report.IsClean.ShouldBeTrue(string.Join(", ", [.. report.JobsChargedTwice, .. report.OpenReservationsOnEndedJobs, .. report.StuckJobs]));
        report.Accounts.ShouldBe(2);
        report.Jobs.ShouldBe(3);
        report.ActiveJobs.ShouldBe(1);
        report.Balances.ShouldBe(report.LedgerSum);
        report.Balances.ShouldBe(Fixture.BalanceOf(Alice) + Fixture.BalanceOf(Bob));
        report.LedgerEntries.ShouldBe(Fixture.Scalar("SELECT COUNT(*) FROM ledger"));
    }

    [Fact]
    public async Task RunAsync_HandWrittenLedgerRow_NamesTheAccount()
    {
        await WriteHistoryAsync();
        Fixture.Execute("INSERT INTO ledger (account_id, kind, amount, reason, at) SELECT id, 'grant', 5, 'by hand', 0 FROM accounts WHERE user_id = 'bob'");

        var report = await CreateSut().RunAsync(Fixture.Time.GetUtcNow().AddHours(-1), Ct);

        report.IsClean.ShouldBeFalse();
        report.UnbalancedAccounts.ShouldBe([new AccountDrift("playground/local/bob", Fixture.BalanceOf(Bob), Fixture.BalanceOf(Bob) + 5)]);
    }

    [Fact]
    public async Task RunAsync_EndedJobWithoutItsRefund_IsAnOpenReservation()
    {
        await WriteHistoryAsync();
        Fixture.Execute("UPDATE jobs SET state = 'failed' WHERE id = 'active'");

        var report = await CreateSut().RunAsync(Fixture.Time.GetUtcNow().AddHours(-1), Ct);

        report.OpenReservationsOnEndedJobs.ShouldBe(["active Failed"]);
        report.JobsChargedTwice.ShouldBeEmpty();
    }

    [Fact]
    public async Task RunAsync_SecondRefund_IsAJobChargedTwice()
    {
        await WriteHistoryAsync();
        Fixture.Execute("INSERT INTO ledger (account_id, kind, amount, job_id, reason, at) SELECT account_id, 'refund', 4, id, 'again', 0 FROM jobs WHERE id = 'failed'");

        var report = await CreateSut().RunAsync(Fixture.Time.GetUtcNow().AddHours(-1), Ct);

        report.JobsChargedTwice.ShouldBe(["failed Failed"]);
    }

    [Fact]
    public async Task RunAsync_ActiveJobWithoutProgressPastTheHorizon_IsStuck()
    {
        await WriteHistoryAsync();
        Fixture.Time.Advance(TimeSpan.FromHours(2));

        var report = await CreateSut().RunAsync(Fixture.Time.GetUtcNow().AddHours(-1), Ct);

        report.StuckJobs.ShouldBe(["active Queued"]);
    }

    /// <summary>Alice: one succeeded job (charged 7 of 10) and one still queued; Bob: one failed and refunded, and a grant.</summary>
    private async Task WriteHistoryAsync()
    {
        var jobs = Fixture.JobStore();
        await jobs.CreateAsync(New(Alice, 10, "done"), Ct);
        await jobs.TryTransitionAsync("done", JobState.Queued, JobState.Submitting, Ct);
        await jobs.MarkDeliveringAsync("done", ["out.png"], Ct);
        await jobs.CompleteAsync("done", 7, Ct);
        await jobs.CreateAsync(New(Bob, 4, "failed"), Ct);
        await jobs.FailAsync("failed", JobState.Failed, "provider down", Ct);
        await Fixture.Ledger().GrantAsync(Bob, 3, "test", Ct);
        await jobs.CreateAsync(New(Alice, 5, "active"), Ct);
    }

    private IStoreAudit CreateSut() => Fixture.Audit();
}
