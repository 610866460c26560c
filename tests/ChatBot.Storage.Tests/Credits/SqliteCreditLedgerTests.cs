using ChatBot.Core.Model;
using ChatBot.Core.Credits;
using ChatBot.Core.Jobs;
using ChatBot.Storage.Credits;
using ChatBot.Storage.Tests.TestSupport;
using static ChatBot.Storage.Tests.TestSupport.TestJobs;

namespace ChatBot.Storage.Tests.Credits;

public sealed class SqliteCreditLedgerTests : IDisposable
{
    private static readonly DateTimeOffset LateEvening = new(2026, 11, 22, 23, 58, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NextMidnight = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    private readonly StorageFixture _fixture = new(defaultAllowance: 50);
    private readonly CancellationToken _ct = CancellationToken.None;

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task GetBalanceAsync_NewAccount_StartsWithTheAllowance()
    {
        var sut = CreateSut();

        var balance = await sut.GetBalanceAsync(Alice, _ct);

        balance.Available.ShouldBe(50);
        balance.Reserved.ShouldBe(0);
        balance.DailyAllowance.ShouldBe(50);
        var entry = (await sut.GetHistoryAsync(Alice, 10, _ct)).ShouldHaveSingleItem();
        entry.Kind.ShouldBe(LedgerEntryKind.Allowance);
        entry.Amount.ShouldBe(50);
        _fixture.AssertInvariants();
    }

    [Fact]
    public async Task GetBalanceAsync_CrossingUtcMidnight_TopsUpToTheAllowanceOnce()
    {
        _fixture.Time.SetUtcNow(LateEvening);
        var sut = CreateSut();
        var jobs = _fixture.CreateJobStore();
        await jobs.CreateAsync(New(Alice, 30, "job-1"), _ct);
        await jobs.FailAsync("job-1", JobState.Failed, "x", _ct);
        await jobs.CreateAsync(New(Alice, 12, "job-2"), _ct);
        (await sut.GetBalanceAsync(Alice, _ct)).ShouldBe(new CreditBalance(38, 12, 50, NextMidnight));

        _fixture.Time.Advance(TimeSpan.FromMinutes(1));
        (await sut.GetBalanceAsync(Alice, _ct)).Available.ShouldBe(38);

        _fixture.Time.SetUtcNow(NextMidnight.AddSeconds(1));
        var afterMidnight = await sut.GetBalanceAsync(Alice, _ct);
        var again = await sut.GetBalanceAsync(Alice, _ct);

        afterMidnight.Available.ShouldBe(50);
        afterMidnight.Reserved.ShouldBe(12);
        afterMidnight.NextTopUp.ShouldBe(NextMidnight.AddDays(1));
        again.Available.ShouldBe(50);
        _fixture.Scalar("SELECT COUNT(*) FROM ledger WHERE kind = 'allowance'").ShouldBe(2);
        _fixture.Scalar("SELECT amount FROM ledger WHERE kind = 'allowance' ORDER BY id DESC LIMIT 1").ShouldBe(12);
        _fixture.AssertInvariants();
    }

    [Fact]
    public async Task CreateAsync_FirstJobOfTheDay_AppliesTheAllowanceFirst()
    {
        _fixture.Time.SetUtcNow(LateEvening);
        var jobs = _fixture.CreateJobStore();
        await jobs.CreateAsync(New(Alice, 50, "spend-all"), _ct);
        (await jobs.CreateAsync(New(Alice, 1, "refused"), _ct)).ShouldBeOfType<CreateJobResult.InsufficientCredits>();

        _fixture.Time.SetUtcNow(NextMidnight);
        var result = await jobs.CreateAsync(New(Alice, 20, "next-day"), _ct);

        result.ShouldBeOfType<CreateJobResult.Created>();
        _fixture.BalanceOf(Alice).ShouldBe(30);
        _fixture.AssertInvariants();
    }

    [Fact]
    public async Task GetBalanceAsync_BalanceAboveAllowance_AddsNothing()
    {
        _fixture.Time.SetUtcNow(LateEvening);
        var sut = CreateSut();
        await sut.GrantAsync(Alice, 100, "prize", _ct);

        _fixture.Time.SetUtcNow(NextMidnight.AddHours(5));
        var balance = await sut.GetBalanceAsync(Alice, _ct);

        balance.Available.ShouldBe(150);
        _fixture.Scalar("SELECT COUNT(*) FROM ledger WHERE kind = 'allowance'").ShouldBe(1);
        _fixture.AssertInvariants();
    }

    [Fact]
    public async Task SetAllowanceAsync_TenantOverride_AppliesFromTheNextDay()
    {
        _fixture.Time.SetUtcNow(LateEvening);
        var sut = CreateSut();
        await sut.GetBalanceAsync(Alice, _ct);

        await sut.SetAllowanceAsync(Alice.Tenant, 200, _ct);
        (await sut.GetAllowanceAsync(Alice.Tenant, _ct)).ShouldBe(200);
        (await sut.GetAllowanceAsync(new TenantKey("discord", "other"), _ct)).ShouldBe(50);
        (await sut.GetBalanceAsync(Alice, _ct)).ShouldBe(new CreditBalance(50, 0, 200, NextMidnight));

        _fixture.Time.SetUtcNow(NextMidnight);
        (await sut.GetBalanceAsync(Alice, _ct)).Available.ShouldBe(200);
        _fixture.AssertInvariants();
    }

    [Fact]
    public async Task SetAllowanceAsync_Zero_NewMembersStartEmpty()
    {
        var sut = CreateSut();

        await sut.SetAllowanceAsync(Alice.Tenant, 0, _ct);

        (await sut.GetBalanceAsync(Alice, _ct)).Available.ShouldBe(0);
        (await sut.GetHistoryAsync(Alice, 10, _ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task GrantAsync_Positive_AddsAGrantEntry()
    {
        var sut = CreateSut();

        var balance = await sut.GrantAsync(Alice, 25, "welcome gift", _ct);

        balance.ShouldBe(75);
        var latest = (await sut.GetHistoryAsync(Alice, 1, _ct)).ShouldHaveSingleItem();
        latest.Kind.ShouldBe(LedgerEntryKind.Grant);
        latest.Amount.ShouldBe(25);
        latest.Reason.ShouldBe("welcome gift");
        latest.At.ShouldBe(_fixture.Time.GetUtcNow());
        _fixture.AssertInvariants();
    }

    [Fact]
    public async Task GrantAsync_NegativeBeyondBalance_StopsAtZero()
    {
        var sut = CreateSut();

        var balance = await sut.GrantAsync(Alice, -80, "abuse", _ct);

        balance.ShouldBe(0);
        var latest = (await sut.GetHistoryAsync(Alice, 1, _ct)).ShouldHaveSingleItem();
        latest.Kind.ShouldBe(LedgerEntryKind.Adjustment);
        latest.Amount.ShouldBe(-50);
        (await sut.GrantAsync(Alice, -5, "more", _ct)).ShouldBe(0);
        _fixture.Scalar("SELECT COUNT(*) FROM ledger WHERE kind = 'adjustment'").ShouldBe(1);
        _fixture.AssertInvariants();
    }

    [Fact]
    public async Task GetHistoryAsync_ManyMovements_NewestFirstAndLimited()
    {
        var sut = CreateSut();
        var jobs = _fixture.CreateJobStore();
        await jobs.CreateAsync(New(Alice, 4, "job-1"), _ct);
        await jobs.FailAsync("job-1", JobState.Cancelled, "cancelled by the member", _ct);
        await sut.GrantAsync(Alice, 3, "thanks", _ct);
        await sut.GrantAsync(Bob, 9, "bob's", _ct);

        var history = await sut.GetHistoryAsync(Alice, 3, _ct);

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

        var id = (await sut.TryReserveAsync(Alice, 20, "bench", _ct)).ShouldNotBeNull();
        (await sut.GetBalanceAsync(Alice, _ct)).ShouldBe(new CreditBalance(30, 20, 50, NextMidnightAfter(_fixture.Time.GetUtcNow())));
        await sut.SettleAsync(id, 8, _ct);

        (await sut.GetBalanceAsync(Alice, _ct)).Available.ShouldBe(42);
        (await sut.GetBalanceAsync(Alice, _ct)).Reserved.ShouldBe(0);
        _fixture.AssertInvariants();
    }

    [Fact]
    public async Task TryReserveAsync_ThenRefund_ReturnsEverything()
    {
        var sut = CreateSut();

        var id = (await sut.TryReserveAsync(Alice, 20, "bench", _ct)).ShouldNotBeNull();
        await sut.RefundAsync(id, _ct);

        _fixture.BalanceOf(Alice).ShouldBe(50);
        _fixture.Scalar("SELECT COUNT(*) FROM ledger WHERE kind = 'refund' AND reservation_id IS NOT NULL").ShouldBe(1);
        _fixture.AssertInvariants();
    }

    [Fact]
    public async Task SettleAsync_Twice_ChargesOnce()
    {
        var sut = CreateSut();
        var id = (await sut.TryReserveAsync(Alice, 20, "bench", _ct)).ShouldNotBeNull();

        await sut.SettleAsync(id, 5, _ct);
        await sut.SettleAsync(id, 0, _ct);
        await sut.RefundAsync(id, _ct);
        await sut.SettleAsync("r-unknown", 1, _ct);

        _fixture.BalanceOf(Alice).ShouldBe(45);
        _fixture.AssertInvariants();
    }

    [Fact]
    public async Task TryReserveAsync_BalanceTooLow_ReturnsNullAndWritesNothing()
    {
        var sut = CreateSut();
        await sut.GetBalanceAsync(Alice, _ct);
        var rows = _fixture.Scalar("SELECT COUNT(*) FROM ledger");

        (await sut.TryReserveAsync(Alice, 51, "bench", _ct)).ShouldBeNull();

        _fixture.Scalar("SELECT COUNT(*) FROM ledger").ShouldBe(rows);
        _fixture.Scalar("SELECT COUNT(*) FROM reservations").ShouldBe(0);
        _fixture.BalanceOf(Alice).ShouldBe(50);
    }

    [Fact]
    public async Task TryReserveAsync_ManyRacing_NeverOverspends()
    {
        var sut = CreateSut();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var racers = Enumerable.Range(0, 40)
            .Select(_ => Task.Run(async () =>
            {
                await start.Task;
                var id = await sut.TryReserveAsync(Alice, 2, "bench", CancellationToken.None);
                if (id is not null)
                {
                    await sut.SettleAsync(id, 1, CancellationToken.None);
                }

                return id;
            }, _ct))
            .ToList();
        start.SetResult();
        var ids = await Task.WhenAll(racers);

        // 50 credits: every reservation holds 2 and gives 1 back, so at least 25 and at most 40 succeed.
        var reserved = ids.Count(id => id is not null);
        reserved.ShouldBeInRange(25, 40);
        _fixture.BalanceOf(Alice).ShouldBe(50 - reserved);
        _fixture.AssertInvariants();
    }

    private SqliteCreditLedger CreateSut() => _fixture.CreateLedger();

    private static DateTimeOffset NextMidnightAfter(DateTimeOffset now) => new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
}
