using ChatBot.Core.Model;
using ChatBot.Core.Credits;
using ChatBot.Core.Jobs;
using ChatBot.Storage.Tests.TestSupport;
using static ChatBot.Storage.Tests.TestSupport.TestJobs;

namespace ChatBot.Storage.Tests.Credits;

public abstract class CreditLedgerContract() : StoreContractTest(defaultAllowance: 50)
{
    private static readonly DateTimeOffset LateEvening = new(2026, 11, 22, 23, 58, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NextMidnight = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GetBalanceAsync_MemberWithARoleAllowance_FirstUseTopsUpToItAndShowsIt()
    {
        var sut = CreateSut();
        await sut.SetAllowanceAsync(Alice.Tenant, 30, Ct);
        await Fixture.TenantSettings().SetAsync(Alice.Tenant, new Core.Tenants.TenantSettings
        {
            RoleAllowances = new Dictionary<string, long>(StringComparer.Ordinal) { ["booster"] = 200 },
        }, Ct);

        var booster = await sut.GetBalanceAsync(Alice, ["booster"], Ct);
        var other = await sut.GetBalanceAsync(Bob, ["member"], Ct);

        (booster.Available, booster.DailyAllowance).ShouldBe((200, 200));
        (other.Available, other.DailyAllowance).ShouldBe((30, 30));
        Fixture.AssertInvariants();
    }

    [Fact]
    public async Task GetBalanceAsync_NewAccount_StartsWithTheAllowance()
    {
        var sut = CreateSut();

        var balance = await sut.GetBalanceAsync(Alice, Ct);

        balance.Available.ShouldBe(50);
        balance.Reserved.ShouldBe(0);
        balance.DailyAllowance.ShouldBe(50);
        var entry = (await sut.GetHistoryAsync(Alice, 10, Ct)).ShouldHaveSingleItem();
        entry.Kind.ShouldBe(LedgerEntryKind.Allowance);
        entry.Amount.ShouldBe(50);
        Fixture.AssertInvariants();
    }

    [Fact]
    public async Task GetBalanceAsync_CrossingUtcMidnight_TopsUpToTheAllowanceOnce()
    {
        Fixture.Time.SetUtcNow(LateEvening);
        var sut = CreateSut();
        var jobs = Fixture.JobStore();
        await jobs.CreateAsync(New(Alice, 30, "job-1"), Ct);
        await jobs.FailAsync("job-1", JobState.Failed, "x", Ct);
        await jobs.CreateAsync(New(Alice, 12, "job-2"), Ct);
        (await sut.GetBalanceAsync(Alice, Ct)).ShouldBe(new CreditBalance(38, 12, 50, NextMidnight));

        Fixture.Time.Advance(TimeSpan.FromMinutes(1));
        (await sut.GetBalanceAsync(Alice, Ct)).Available.ShouldBe(38);

        Fixture.Time.SetUtcNow(NextMidnight.AddSeconds(1));
        var afterMidnight = await sut.GetBalanceAsync(Alice, Ct);
        var again = await sut.GetBalanceAsync(Alice, Ct);

        afterMidnight.Available.ShouldBe(50);
        afterMidnight.Reserved.ShouldBe(12);
        afterMidnight.NextTopUp.ShouldBe(NextMidnight.AddDays(1));
        again.Available.ShouldBe(50);
        Fixture.Scalar("SELECT COUNT(*) FROM ledger WHERE kind = 'allowance'").ShouldBe(2);
        Fixture.Scalar("SELECT amount FROM ledger WHERE kind = 'allowance' ORDER BY id DESC LIMIT 1").ShouldBe(12);
        Fixture.AssertInvariants();
    }

    [Fact]
    public async Task CreateAsync_FirstJobOfTheDay_AppliesTheAllowanceFirst()
    {
        Fixture.Time.SetUtcNow(LateEvening);
        var jobs = Fixture.JobStore();
        await jobs.CreateAsync(New(Alice, 50, "spend-all"), Ct);
        (await jobs.CreateAsync(New(Alice, 1, "refused"), Ct)).ShouldBeOfType<CreateJobResult.InsufficientCredits>();

        Fixture.Time.SetUtcNow(NextMidnight);
        var result = await jobs.CreateAsync(New(Alice, 20, "next-day"), Ct);

        result.ShouldBeOfType<CreateJobResult.Created>();
        Fixture.BalanceOf(Alice).ShouldBe(30);
        Fixture.AssertInvariants();
    }

    [Fact]
    public async Task GetBalanceAsync_BalanceAboveAllowance_AddsNothing()
    {
        Fixture.Time.SetUtcNow(LateEvening);
        var sut = CreateSut();
        await sut.GrantAsync(Alice, 100, "prize", Ct);

        Fixture.Time.SetUtcNow(NextMidnight.AddHours(5));
        var balance = await sut.GetBalanceAsync(Alice, Ct);

        balance.Available.ShouldBe(150);
        Fixture.Scalar("SELECT COUNT(*) FROM ledger WHERE kind = 'allowance'").ShouldBe(1);
        Fixture.AssertInvariants();
    }

    [Fact]
    public async Task SetAllowanceAsync_TenantOverride_AppliesFromTheNextDay()
    {
        Fixture.Time.SetUtcNow(LateEvening);
        var sut = CreateSut();
        await sut.GetBalanceAsync(Alice, Ct);

        await sut.SetAllowanceAsync(Alice.Tenant, 200, Ct);
        (await sut.GetAllowanceAsync(Alice.Tenant, Ct)).ShouldBe(200);
        (await sut.GetAllowanceAsync(new TenantKey("discord", "other"), Ct)).ShouldBe(50);
        (await sut.GetBalanceAsync(Alice, Ct)).ShouldBe(new CreditBalance(50, 0, 200, NextMidnight));

        Fixture.Time.SetUtcNow(NextMidnight);
        (await sut.GetBalanceAsync(Alice, Ct)).Available.ShouldBe(200);
        Fixture.AssertInvariants();
    }

    [Fact]
    public async Task SetAllowanceAsync_Zero_NewMembersStartEmpty()
    {
        var sut = CreateSut();

        await sut.SetAllowanceAsync(Alice.Tenant, 0, Ct);

        (await sut.GetBalanceAsync(Alice, Ct)).Available.ShouldBe(0);
        (await sut.GetHistoryAsync(Alice, 10, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task GrantAsync_Positive_AddsAGrantEntry()
    {
        var sut = CreateSut();

        var balance = await sut.GrantAsync(Alice, 25, "welcome gift", Ct);

        balance.ShouldBe(75);
        var latest = (await sut.GetHistoryAsync(Alice, 1, Ct)).ShouldHaveSingleItem();
        latest.Kind.ShouldBe(LedgerEntryKind.Grant);
        latest.Amount.ShouldBe(25);
        latest.Reason.ShouldBe("welcome gift");
        latest.At.ShouldBe(Fixture.Time.GetUtcNow());
        Fixture.AssertInvariants();
    }

    [Fact]
    public async Task GrantAsync_NegativeBeyondBalance_StopsAtZero()
    {
        var sut = CreateSut();

        var balance = await sut.GrantAsync(Alice, -80, "abuse", Ct);

        balance.ShouldBe(0);
        var latest = (await sut.GetHistoryAsync(Alice, 1, Ct)).ShouldHaveSingleItem();
        latest.Kind.ShouldBe(LedgerEntryKind.Adjustment);
        latest.Amount.ShouldBe(-50);
        (await sut.GrantAsync(Alice, -5, "more", Ct)).ShouldBe(0);
        Fixture.Scalar("SELECT COUNT(*) FROM ledger WHERE kind = 'adjustment'").ShouldBe(1);
        Fixture.AssertInvariants();
    }

    [Fact]
    public async Task GrantAsync_BeyondTheMaximumBalance_StopsAtTheBound()
    {
        var sut = CreateSut();

        var first = await sut.GrantAsync(Alice, long.MaxValue, "huge", Ct);
        var second = await sut.GrantAsync(Alice, long.MaxValue, "again", Ct);

        first.ShouldBe(CreditLimits.MaxBalance);
        second.ShouldBe(CreditLimits.MaxBalance);
        (await sut.GetBalanceAsync(Alice, Ct)).Available.ShouldBe(CreditLimits.MaxBalance);
        Fixture.Scalar("SELECT COUNT(*) FROM ledger WHERE kind = 'grant'").ShouldBe(1);
        Fixture.AssertInvariants();
    }

    [Fact]
    public async Task SetAllowanceAsync_BeyondTheMaximumBalance_Throws()
    {
        var sut = CreateSut();

        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => sut.SetAllowanceAsync(Alice.Tenant, CreditLimits.MaxBalance + 1, Ct));
    }

    [Fact]
    public async Task GetHistoryAsync_ManyMovements_NewestFirstAndLimited()
    {
        var sut = CreateSut();
        var jobs = Fixture.JobStore();
        await jobs.CreateAsync(New(Alice, 4, "job-1"), Ct);
        await jobs.FailAsync("job-1", JobState.Cancelled, "cancelled by the member", Ct);
        await sut.GrantAsync(Alice, 3, "thanks", Ct);
        await sut.GrantAsync(Bob, 9, "bob's", Ct);

        var history = await sut.GetHistoryAsync(Alice, 3, Ct);

        history.Select(e => (e.Kind, e.Amount, e.JobId)).ShouldBe(
        [
            (LedgerEntryKind.Grant, 3L, (string?)null),
            (LedgerEntryKind.Refund, 4L, "job-1"),
            (LedgerEntryKind.Reserve, -4L, "job-1"),
        ]);
        history[1].Reason.ShouldContain("cancelled by the member");
    }

    [Fact]
    public async Task TryReserveAsync_ThenSettle_ChargesActualAndReturnsRest()
    {
        var sut = CreateSut();

        var id = (await sut.TryReserveAsync(Alice, 20, "bench", Ct)).ShouldNotBeNull();
        (await sut.GetBalanceAsync(Alice, Ct)).ShouldBe(new CreditBalance(30, 20, 50, NextMidnightAfter(Fixture.Time.GetUtcNow())));
        await sut.SettleAsync(id, 8, Ct);

        (await sut.GetBalanceAsync(Alice, Ct)).Available.ShouldBe(42);
        (await sut.GetBalanceAsync(Alice, Ct)).Reserved.ShouldBe(0);
        Fixture.AssertInvariants();
    }

    [Fact]
    public async Task TryReserveAsync_ThenRefund_ReturnsEverything()
    {
        var sut = CreateSut();

        var id = (await sut.TryReserveAsync(Alice, 20, "bench", Ct)).ShouldNotBeNull();
        await sut.RefundAsync(id, Ct);

        Fixture.BalanceOf(Alice).ShouldBe(50);
        Fixture.Scalar("SELECT COUNT(*) FROM ledger WHERE kind = 'refund' AND reservation_id IS NOT NULL").ShouldBe(1);
        Fixture.AssertInvariants();
    }

    [Fact]
    public async Task SettleAsync_Twice_ChargesOnce()
    {
        var sut = CreateSut();
        var id = (await sut.TryReserveAsync(Alice, 20, "bench", Ct)).ShouldNotBeNull();

        await sut.SettleAsync(id, 5, Ct);
        await sut.SettleAsync(id, 0, Ct);
        await sut.RefundAsync(id, Ct);
        await sut.SettleAsync("r-unknown", 1, Ct);

        Fixture.BalanceOf(Alice).ShouldBe(45);
        Fixture.AssertInvariants();
    }

    [Fact]
    public async Task TryReserveAsync_BalanceTooLow_ReturnsNullAndWritesNothing()
    {
        var sut = CreateSut();
        await sut.GetBalanceAsync(Alice, Ct);
        var rows = Fixture.Scalar("SELECT COUNT(*) FROM ledger");

        (await sut.TryReserveAsync(Alice, 51, "bench", Ct)).ShouldBeNull();

        Fixture.Scalar("SELECT COUNT(*) FROM ledger").ShouldBe(rows);
        Fixture.Scalar("SELECT COUNT(*) FROM reservations").ShouldBe(0);
        Fixture.BalanceOf(Alice).ShouldBe(50);
    }

    [Fact]
    public async Task TryReserveAsync_ManyRacing_NeverOverspends()
    {
        var sut = CreateSut();

        var ids = await Racers.RunAsync(40, async _ =>
        {
            var id = await sut.TryReserveAsync(Alice, 2, "bench", Ct);
            if (id is not null)
            {
                await sut.SettleAsync(id, 1, Ct);
            }

            return id;
        });

        // 50 credits: every reservation holds 2 and gives 1 back, so at least 25 and at most 40 succeed.
        var reserved = ids.Count(id => id is not null);
        reserved.ShouldBeInRange(25, 40);
        Fixture.BalanceOf(Alice).ShouldBe(50 - reserved);
        Fixture.AssertInvariants();
    }

    [Fact]
    public async Task TryReserveAsync_NewAccountRefused_ItsRolledBackIdIsNeverTakenForAnotherAccount()
    {
        var sut = CreateSut();

        // Alice's account is created and rolled back with the refusal; Bob's may then get the same row id.
        (await sut.TryReserveAsync(Alice, 51, "too much", Ct)).ShouldBeNull();
        await sut.GrantAsync(Bob, 5, "gift", Ct);
        var id = (await sut.TryReserveAsync(Alice, 10, "bench", Ct)).ShouldNotBeNull();
        await sut.SettleAsync(id, 10, Ct);

        Fixture.BalanceOf(Alice).ShouldBe(40);
        Fixture.BalanceOf(Bob).ShouldBe(55);
        Fixture.AssertInvariants();
    }

    [Fact]
    public async Task TryReserveAsync_KnownAccountNextDay_AppliesTheAllowanceBeforeReserving()
    {
        Fixture.Time.SetUtcNow(LateEvening);
        var sut = CreateSut();
        var spent = (await sut.TryReserveAsync(Alice, 40, "bench", Ct)).ShouldNotBeNull();
        await sut.SettleAsync(spent, 40, Ct);
        (await sut.TryReserveAsync(Alice, 30, "bench", Ct)).ShouldBeNull();

        Fixture.Time.SetUtcNow(NextMidnight);
        var id = (await sut.TryReserveAsync(Alice, 30, "bench", Ct)).ShouldNotBeNull();
        await sut.SettleAsync(id, 30, Ct);

        Fixture.BalanceOf(Alice).ShouldBe(20);
        (await sut.GetHistoryAsync(Alice, 10, Ct)).Count(e => e.Kind == LedgerEntryKind.Allowance).ShouldBe(2);
        Fixture.AssertInvariants();
    }

    private ICreditLedger CreateSut() => Fixture.Ledger();

    private static DateTimeOffset NextMidnightAfter(DateTimeOffset now) => new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
}
