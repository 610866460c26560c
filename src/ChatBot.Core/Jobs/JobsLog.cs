namespace ChatBot.Core.Jobs;

/// <summary>Log events of the job engine (runner, scheduler, ending, recovery): event ids 1100–1199.</summary>
internal static partial class JobsLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Job {JobId} submitted to {Provider} ({Model})")]
    public static partial void Submitted(this ILogger logger, string jobId, string provider, string model);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Job {JobId}: {Provider} could not take the job; falling back to {Fallback}")]
    public static partial void FallingBack(this ILogger logger, string jobId, string provider, string fallback);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Job {JobId} succeeded, {Credits} credits charged")]
    public static partial void Succeeded(this ILogger logger, string jobId, long credits);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Job {JobId} ended {State}: {Reason}")]
    public static partial void Ended(this ILogger logger, string jobId, JobState state, string reason);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "Job {JobId} left for recovery at shutdown")]
    public static partial void LeftForRecovery(this ILogger logger, string jobId);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Warning, Message = "Job {JobId}: provider {Provider} unreachable")]
    public static partial void ProviderUnreachable(this ILogger logger, Exception exception, string jobId, string provider);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Error, Message = "Job {JobId} failed with an unexpected error")]
    public static partial void Crashed(this ILogger logger, Exception exception, string jobId);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Warning, Message = "Job {JobId}: the reply could not be delivered")]
    public static partial void DeliveryFailed(this ILogger logger, Exception exception, string jobId);

    [LoggerMessage(EventId = 1108, Level = LogLevel.Error, Message = "Job {JobId}: the runner threw past its own handling")]
    public static partial void RunnerEscaped(this ILogger logger, Exception exception, string jobId);

    [LoggerMessage(EventId = 1109, Level = LogLevel.Information, Message = "Recovery picked up {Count} unfinished job(s)")]
    public static partial void Recovered(this ILogger logger, int count);

    [LoggerMessage(EventId = 1300, Level = LogLevel.Warning, Message = "Job {JobId}: worker {Worker} no longer holds its lease (another worker took it over); stopping without ending it")]
    public static partial void LeaseLost(this ILogger logger, string jobId, string worker);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "Renewing or taking over job leases failed; trying again at the next round")]
    public static partial void LeaseRoundFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Information, Message = "Took over {Count} job(s) whose worker's lease expired")]
    public static partial void TookOver(this ILogger logger, int count);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Information, Message = "Job {JobId}: lost its lease before the result was posted; another worker finishes it")]
    public static partial void NotPostedLeaseLost(this ILogger logger, string jobId);

    [LoggerMessage(EventId = 1800, Level = LogLevel.Error, Message = "Job {JobId}: its ending ({State}) and refund could not be written; retrying until the store takes writes")]
    public static partial void EndingNotWritten(this ILogger logger, Exception exception, string jobId, JobState state);
}
