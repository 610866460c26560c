namespace ChatBot.Core.Audit;

/// <summary>
/// The rule both stores' audits apply to each job's ledger entries: a priced job has one reserve of its price and, once
/// ended, at most one ending, leaving a net of minus what it was charged (nothing unless it succeeded); an active job
/// still holds its whole reservation.
/// </summary>
public static class JobLedgerCheck
{
    public enum Drift
    {
        None,

        /// <summary>Ended, yet the ledger still holds more than the job was charged.</summary>
        OpenReservation,

        /// <summary>Reserved or ended more than once, or the ledger took more than the job reserved or gave back more.</summary>
        ChargedTwice,
    }

    public static Drift Check(JobLedgerRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Reserves > 1 || row.Endings > 1 || -row.Net > row.Reserved)
        {
            return Drift.ChargedTwice;
        }

        if (!row.State.IsTerminal())
        {
            return row.Endings == 0 ? Drift.None : Drift.ChargedTwice;
        }

        var expected = row.State == JobState.Succeeded ? -row.Charged : 0;
        return row.Net == expected ? Drift.None : row.Net < expected ? Drift.OpenReservation : Drift.ChargedTwice;
    }

    /// <summary>Sorts the rows' drifts into the report's two lists (<c>id state</c> each).</summary>
    public static (IReadOnlyList<string> OpenReservations, IReadOnlyList<string> ChargedTwice) Sort(IEnumerable<JobLedgerRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var open = new List<string>();
        var twice = new List<string>();
        foreach (var row in rows)
        {
            switch (Check(row))
            {
                case Drift.OpenReservation:
                    open.Add($"{row.Id} {row.State}");
                    break;
                case Drift.ChargedTwice:
                    twice.Add($"{row.Id} {row.State}");
                    break;
            }
        }

        return (open, twice);
    }
}
