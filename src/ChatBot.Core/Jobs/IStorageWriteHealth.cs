namespace ChatBot.Core.Jobs;

/// <summary>
/// Whether the store can record what the engine needs to write (issue 13 point 8: a full disk). While it
/// cannot, the health check is red and new commands are refused; it clears itself once writes succeed again.
/// </summary>
public interface IStorageWriteHealth
{
    /// <summary>True while at least one job's ending (and its refund) could not be written.</summary>
    bool IsFailing { get; }

    /// <summary>How many jobs are waiting for their ending to be written.</summary>
    int Unwritten { get; }
}
