using System.Globalization;

namespace ChatBot.Benchmarks.Harness;

/// <summary>
/// The README's performance rows, from one run's figures: issue 15's targets (figure | this run | target | met) and
/// issue 14's PostgreSQL rows beside SQLite. Printed as markdown for pasting, and kept in latest.json.
/// </summary>
internal static class TargetRows
{
    public const string Header = "| figure | median (min–max) | target | |\n|---|---|---|---|";

    public static IReadOnlyList<string> From(IReadOnlyList<Measurement> results)
    {
        Measurement? Find(string scenario, string metric) =>
            results.FirstOrDefault(m => m.Scenario == scenario && m.Metric == metric && m.Samples.Count > 0);

        var rows = new List<string>();
        void Row(string figure, Measurement? m, string unit, string target, Func<double, bool> met, string? beside = null)
        {
            if (m is null)
            {
                return;
            }

            var text = $"{Range(m)}{unit}{(beside is null ? "" : $" ({beside})")}";
            rows.Add($"| {figure} | {text} | {target} | {(met(m.Median) ? "met" : "missed")} |");
        }

        var pairs = Find("ledger", "reserve+settle pairs/s (64 users)");
        var updates = Find("ledger", "plain 1-row UPDATE transactions/s");
        Row("ledger reserve+settle pairs/s ÷ plain 1-row UPDATE tx/s", Find("ledger", "pairs/s ÷ UPDATE tx/s"), "", "≥ 0.5", v => v >= 0.5,
            pairs is null || updates is null ? null : $"{ResultReport.Format(pairs.Median)} vs {ResultReport.Format(updates.Median)}");
        var update = Find("ledger", "process CPU per plain UPDATE");
        Row("CPU per reserve+settle pair", Find("ledger", "process CPU per pair"), " µs", "≤ 25 µs", v => v <= 25,
            update is null ? null : $"vs {ResultReport.Format(update.Median)} µs per plain UPDATE");
        Row("SQLite write transactions per job", Find("throughput", "SQLite transactions per job"), "", "≤ 3", v => v <= 3);
        Row("CPU per job end to end (instant provider)", Find("throughput", "CPU per job"), " ms", "≤ 1.5 ms", v => v <= 1.5);
        Row("jobs/s end to end, whole batch", Find("throughput", "jobs/s end to end (whole batch)"), " jobs/s", "≥ 1,000", v => v >= 1000);
        Row("Discord ack p99 @ 200/s", Find("ack", "p99 @ 200/s"), " ms", "< 20 ms", v => v < 20);
        var over = Find("ack", "over 3 s @ 1000/s");
        var p99 = Find("ack", "p99 @ 1000/s");
        if (over is not null && p99 is not null)
        {
            var windowSeconds = results.FirstOrDefault(m => m.Metric == "p50 @ 1000/s")?.Note is { } note && note.Contains("windows of ", StringComparison.Ordinal)
                ? note[(note.IndexOf("windows of ", StringComparison.Ordinal) + 11)..].Split(' ')[0] : "?";
            var met = p99.Median < 50 && over.Max == 0;
            rows.Add($"| Discord ack @ 1000/s | {ResultReport.Format(over.Median)} ({ResultReport.Format(over.Min)}–{ResultReport.Format(over.Max)}) per {windowSeconds} s window over 3 s; p99 {Range(p99)} ms | p99 < 50 ms, none over 3 s | {(met ? "met" : "missed")} |");
        }

        // Issue 14: PostgreSQL beside SQLite, same load.
        var sqlite = Find("throughput", "jobs/s end to end (whole batch)");
        foreach (var workers in new[] { "1 worker", "2 workers" })
        {
            var pg = Find("throughput-pg", $"jobs/s end to end (whole batch), {workers}");
            var cpu = Find("throughput-pg", $"CPU per job, {workers}");
            if (pg is not null)
            {
                rows.Add($"| jobs/s end to end on PostgreSQL, {workers} | {Range(pg)} jobs/s{(cpu is null ? "" : $", {ResultReport.Format(cpu.Median)} ms CPU per job in the bot")}"
                    + $"{(sqlite is null ? "" : $" (SQLite: {ResultReport.Format(sqlite.Median)})")} | beside SQLite | – |");
            }
        }

        return rows;
    }

    private static string Range(Measurement m) =>
        string.Create(CultureInfo.InvariantCulture, $"{ResultReport.Format(m.Median)} ({ResultReport.Format(m.Min)}–{ResultReport.Format(m.Max)})");
}
