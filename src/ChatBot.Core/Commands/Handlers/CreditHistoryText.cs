using ChatBot.Core.Credits;
using ChatBot.Core.Jobs;
using ChatBot.Core.Replies;

namespace ChatBot.Core.Commands.Handlers;

/// <summary>
/// The ledger as a member reads it: one line per job ("4 credits for 'a fox in the snow' · 2 h ago", its reserve and
/// release folded together) and one per grant or top-up, newest first, never a job id.
/// </summary>
internal static class CreditHistoryText
{
    private const int PromptShown = 60;

    public static async Task<IReadOnlyList<string>> LinesAsync(IReadOnlyList<LedgerEntry> history, IJobStore jobs, DateTimeOffset now, int max, CancellationToken ct)
    {
        var lines = new List<string>(max);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in history.OrderByDescending(e => e.At).ThenByDescending(e => e.Id))
        {
            if (lines.Count == max)
            {
                break;
            }

            var ago = DurationText.Ago(now - entry.At);
            if (entry.JobId is not { } jobId)
            {
                lines.Add($"{Signed(entry.Amount)} {Movement(entry)} · {ago}");
                continue;
            }

            if (!seen.Add(jobId))
            {
                continue;
            }

            var moves = history.Where(e => e.JobId == jobId).ToList();
            var job = await jobs.GetAsync(jobId, ct).ConfigureAwait(false);
            lines.Add($"{JobLine(moves, job)} · {ago}");
        }

        return lines;
    }

    private static string JobLine(IReadOnlyList<LedgerEntry> moves, JobRecord? job)
    {
        var what = job is null ? "a job" : Describe(job.Spec);
        var net = -moves.Sum(e => e.Amount);
        if (job is not null && !job.State.IsTerminal())
        {
            return $"{CreditText.Amount(net)} held for {what} (still running)";
        }

        if (net <= 0)
        {
            return $"nothing for {what} (" + (job?.State == JobState.Cancelled ? "cancelled" : "returned") + ")";
        }

        return $"{CreditText.Amount(net)} for {what}";
    }

    private static string Describe(JobSpec spec) => spec.Options.Prompt is { Length: > 0 } prompt
        ? $"'{(prompt.Length <= PromptShown ? prompt : string.Concat(prompt.AsSpan(0, PromptShown - 1), "…"))}'"
        : ReplyText.Title(spec);

    private static string Movement(LedgerEntry entry) => entry.Kind switch
    {
        LedgerEntryKind.Allowance => "daily top-up",
        LedgerEntryKind.Grant => entry.Reason.Length > 0 ? entry.Reason : "granted",
        _ => entry.Reason.Length > 0 ? entry.Reason : "adjustment",
    };

    private static string Signed(long amount) => amount switch
    {
        > 0 => $"+{CreditText.Amount(amount)}",
        < 0 => $"−{CreditText.Amount(-amount)}",
        _ => CreditText.Amount(0),
    };
}
