namespace ChatBot.Core.Replies;

/// <summary>Where a job's credits stand.</summary>
public enum ReplyCostState
{
    /// <summary>The price, shown before the member confirms it; nothing is reserved.</summary>
    Quoted,

    /// <summary>Held while the job waits or runs.</summary>
    Reserved,

    /// <summary>Taken for good (0 when the job ended without a result).</summary>
    Charged,
}
