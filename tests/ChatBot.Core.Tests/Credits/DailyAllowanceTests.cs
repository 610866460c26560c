using ChatBot.Core.Credits;

namespace ChatBot.Core.Tests.Credits;

public sealed class DailyAllowanceTests
{
    private static readonly DateTimeOffset Evening = new(2026, 11, 22, 23, 59, 59, TimeSpan.Zero);

    [Fact]
    public void IsDue_SameUtcDay_IsFalse()
    {
        DailyAllowance.IsDue(DailyAllowance.DayOf(Evening), Evening.AddHours(-20)).ShouldBeFalse();
    }

    [Fact]
    public void IsDue_AfterUtcMidnight_IsTrue()
    {
        DailyAllowance.IsDue(DailyAllowance.DayOf(Evening), Evening.AddSeconds(1)).ShouldBeTrue();
    }

    [Fact]
    public void IsDue_NeverApplied_IsTrue()
    {
        DailyAllowance.IsDue(-1, Evening).ShouldBeTrue();
    }

    [Fact]
    public void DayOf_LocalOffset_CountsTheUtcDay()
    {
        // 01:00 at +02:00 is still the previous UTC day.
        DailyAllowance.DayOf(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.FromHours(2))).ShouldBe(DailyAllowance.DayOf(Evening));
    }

    [Fact]
    public void NextTopUp_AnyTimeOfDay_IsTheNextUtcMidnight()
    {
        DailyAllowance.NextTopUp(Evening).ShouldBe(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
        DailyAllowance.NextTopUp(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero)).ShouldBe(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData(12, 50, 38)]
    [InlineData(50, 50, 0)]
    [InlineData(80, 50, 0)]
    [InlineData(0, 0, 0)]
    public void TopUp_Balance_FillsUpToTheAllowanceNeverDown(long balance, long allowance, long expected)
    {
        DailyAllowance.TopUp(balance, allowance).ShouldBe(expected);
    }
}
