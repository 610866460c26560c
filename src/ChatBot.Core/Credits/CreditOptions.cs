namespace ChatBot.Core.Credits;

/// <summary>Section <c>Credits</c>.</summary>
public sealed class CreditOptions
{
    public const string Section = "Credits";

    /// <summary>Daily top-up cap for tenants that have not set their own.</summary>
    [Range(0, 1_000_000_000)]
    public long DefaultDailyAllowance { get; set; } = 50;

    /// <summary>
    /// A job priced above this many credits waits for its member's Confirm before anything is reserved, in tenants
    /// that set no threshold of their own (<c>/settings confirm-above</c>).
    /// </summary>
    [Range(0, long.MaxValue)]
    public long ConfirmAbove { get; set; } = 50;

    /// <summary>
    /// How long a job waits for its Confirm, from when it was asked (kept across restarts); then it is cancelled with
    /// nothing charged. Zero: it waits for ever.
    /// </summary>
    public TimeSpan ConfirmExpiry { get; set; } = TimeSpan.FromMinutes(15);
}
