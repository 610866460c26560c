namespace ChatBot.Core.Providers;

/// <summary>
/// What a provider returned when work was submitted: a remote task id to track (persisted at once),
/// optional provider state needed to resume tracking after a restart, or an immediate result
/// (which the job runner takes as the task's end, without tracking it).
/// </summary>
public sealed record Submission(string RemoteId, string? ResumeState = null, ProviderUpdate? ImmediateResult = null);
