namespace ChatBot.Core.Credits;

/// <summary>
/// The daily allowance rule every credit store applies the same way: on an account's first use of a UTC day,
/// a balance below the tenant's allowance is topped up to it (never lowered), once per day. Stores keep only
/// the day of the last top-up and the SQL; the arithmetic lives here so a second store cannot drift from it.
/// </summary>
public static class DailyAllowance
{
    private const long MillisecondsPerDay = 86_400_000;

    /// <summary>The ledger reason of an allowance top-up.</summary>
    public const string Reason = "Daily allowance";

    /// <summary>The UTC day number of a time (whole days since 1970-01-01, rounded down).</summary>
    public static long DayOf(DateTimeOffset time) => Math.DivRem(time.ToUnixTimeMilliseconds(), MillisecondsPerDay, out var rest) - (rest < 0 ? 1 : 0);

    /// <summary>When the next top-up can apply: the first UTC midnight after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextTopUp(DateTimeOffset now) => DateTimeOffset.FromUnixTimeMilliseconds((DayOf(now) + 1) * MillisecondsPerDay);

    /// <summary>Whether the allowance has yet to be applied today, given the day it was last applied (-1: never).</summary>
    public static bool IsDue(long lastAppliedDay, DateTimeOffset now) => lastAppliedDay < DayOf(now);

    /// <summary>The credits a due top-up adds: up to the allowance, nothing when the balance already reaches it.</summary>
    public static long TopUp(long balance, long allowance) => Math.Max(0, allowance - balance);
}
