namespace ChatBot.Core.Replies;

/// <summary>
/// A running or queued view moved on by the clock alone: what a reply shows when its provider reports nothing, so the
/// member never watches a frozen "Working… 0:02". Same state and revision, only the time-based facts change.
/// </summary>
internal static class ReplyTick
{
    private static readonly TimeSpan LeastEta = TimeSpan.FromSeconds(1);

    public static ReplyView Advance(ReplyView view, TimeSpan by) => view with
    {
        Elapsed = view.Elapsed + by,
        Eta = view.Eta is { } eta ? Max(eta - by, LeastEta) : null,
        Wait = view.Wait is { } wait ? Max(wait - by, TimeSpan.Zero) : null,
    };

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
