namespace ChatBot.Core.Model;

/// <summary>
/// Received → Queued → Submitting → Running → Delivering → Succeeded, with Failed, Cancelled and
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
}
