namespace ChatBot.Core.Usage;

/// <summary>
/// The text of <c>/stats</c>: jobs, credits charged and failures today and over 7 and 30 days (UTC days), the top
/// members, each model and provider over 30 days, and what a daily allowance of a given size would have meant for
/// the last 30 days' spending.
/// </summary>
internal static class UsageReport
{
    public const int Days = 30;
    private const int Top = 5;

    public static string Render(IReadOnlyList<UsageRow> rows, DateOnly today, long allowance, long? proposed)
    {
        var text = new StringBuilder("**Usage** (UTC days)\n");
        text.Append("Today: ").AppendLine(Totals(rows.Where(r => r.Day == today)));
        text.Append("Last 7 days: ").AppendLine(Totals(rows.Where(r => r.Day > today.AddDays(-7))));
        text.Append("Last 30 days: ").AppendLine(Totals(rows));
        AppendGroup(text, "Top members (30 days)", rows, r => r.UserId, Top);
        AppendGroup(text, "By model (30 days)", rows, r => r.Model, int.MaxValue);
        AppendGroup(text, "By provider (30 days)", rows, r => r.Provider, int.MaxValue);
        text.Append(Allowance(rows, allowance, proposed ?? allowance));
        if (proposed is null)
        {
            text.Append("\n`/stats <credits>` shows what another daily allowance would have meant.");
        }

        return text.ToString();
    }

    /// <summary>"12 jobs, 40 credits, 1 failed".</summary>
    private static string Totals(IEnumerable<UsageRow> rows)
    {
        var list = rows.ToList();
        var failed = list.Where(r => r.State is JobState.Failed or JobState.Refunded).Sum(r => r.Jobs);
        return $"{list.Sum(r => r.Jobs)} jobs, {list.Sum(r => r.Credits)} credits, {failed} failed";
    }

    private static void AppendGroup(StringBuilder text, string title, IReadOnlyList<UsageRow> rows, Func<UsageRow, string> key, int count)
    {
        var groups = rows.GroupBy(key, StringComparer.Ordinal)
            .OrderByDescending(g => g.Sum(r => r.Credits)).ThenByDescending(g => g.Sum(r => r.Jobs)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(count)
            .ToList();
        text.Append('\n').Append(title).Append(':');
        if (groups.Count == 0)
        {
            text.Append(" none\n");
            return;
        }

        text.Append('\n');
        foreach (var group in groups)
        {
            text.Append("• ").Append(group.Key).Append(": ").AppendLine(Totals(group));
        }
    }

    /// <summary>Member-days whose charged credits went above <paramref name="proposed"/>, and by how much.</summary>
    private static string Allowance(IReadOnlyList<UsageRow> rows, long allowance, long proposed)
    {
        var days = rows.GroupBy(r => (r.UserId, r.Day)).Select(g => (g.Key.UserId, Spent: g.Sum(r => r.Credits))).ToList();
        var over = days.Where(d => d.Spent > proposed).ToList();
        var members = days.Select(d => d.UserId).Distinct(StringComparer.Ordinal).Count();
        var short_ = over.Select(d => d.UserId).Distinct(StringComparer.Ordinal).Count();
        var beyond = over.Sum(d => d.Spent - proposed);
        var which = proposed == allowance ? $"the daily allowance of {allowance}" : $"a daily allowance of {proposed} (now {allowance})";
        return over.Count == 0
            ? $"\nAt {which}: none of the {members} active members spent more than that on any day of the last 30."
            : $"\nAt {which}: {short_} of {members} active members spent more on {over.Count} member-days of the last 30 ({beyond} credits above it, paid from grants or savings); without those they would have been refused.";
    }
}
