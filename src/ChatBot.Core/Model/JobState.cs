namespace ChatBot.Core.Model;

/// <summary>
/// (AwaitingConfirmation →) Received → Queued → Submitting → Running → Delivering → Succeeded, with Failed, Cancelled and
/// Refunded as terminal exits.
/// </summary>
public enum JobState
{
    Received,
    Queued,
    Submitting,
    Running,
    Delivering,
    Succeeded,
    Failed,
    Cancelled,
    Refunded,

    /// <summary>
    /// Priced above the tenant's confirmation threshold: created with nothing reserved, waiting for its member's
    /// Confirm (which reserves and queues it) or Cancel. Not terminal; appended so stored names stay as they are.
    /// </summary>
    AwaitingConfirmation,
}
