namespace ChatBot.Storage;

/// <summary>Log messages of the storage layer. Never logs secrets; job and account ids only.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Database {Path} ready at schema version {Version}")]
    public static partial void DatabaseReady(ILogger logger, string path, int version);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Applied schema migration {Version}: {Description}")]
    public static partial void MigrationApplied(ILogger logger, int version, string description);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Rolling back a write failed; reopening the writer connection")]
    public static partial void WriterReset(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Debug, Message = "Job {JobId} created for {Account}, reserved {Price} credits")]
    public static partial void JobCreated(ILogger logger, string jobId, AccountKey account, long price);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Debug, Message = "Job {JobId} refused for {Account}: price {Price}, balance {Balance}")]
    public static partial void JobInsufficientCredits(ILogger logger, string jobId, AccountKey account, long price, long balance);

    [LoggerMessage(EventId = 2015, Level = LogLevel.Debug, Message = "Job {JobId} refused for {Account}: {Queued} jobs already waiting")]
    public static partial void JobQueueFull(ILogger logger, string jobId, AccountKey account, int queued);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Debug, Message = "Job {JobId}: transition to {State} refused (no longer in the expected state)")]
    public static partial void TransitionRefused(ILogger logger, string jobId, string state);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Debug, Message = "Job {JobId} succeeded: charged {Charged}, released {Released}")]
    public static partial void JobSettled(ILogger logger, string jobId, long charged, long released);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Debug, Message = "Job {JobId} ended {State}: refunded {Refunded}")]
    public static partial void JobRefunded(ILogger logger, string jobId, string state, long refunded);

    [LoggerMessage(EventId = 2020, Level = LogLevel.Warning, Message = "Reservation {ReservationId} is unknown or already closed; nothing to {Action}")]
    public static partial void ReservationNotOpen(ILogger logger, string reservationId, string action);

    [LoggerMessage(EventId = 2021, Level = LogLevel.Information, Message = "Granted {Amount} credits to {Account}: {Reason}")]
    public static partial void Granted(ILogger logger, AccountKey account, long amount, string reason);

    [LoggerMessage(EventId = 2030, Level = LogLevel.Debug, Message = "Pruned {Count} remembered events")]
    public static partial void EventsPruned(ILogger logger, int count);

    [LoggerMessage(EventId = 2040, Level = LogLevel.Warning, Message = "Media {Key} is recorded but its file is missing")]
    public static partial void MediaFileMissing(ILogger logger, string key);

    [LoggerMessage(EventId = 2041, Level = LogLevel.Information, Message = "Media sweep removed {Orphans} orphaned file(s) and evicted {Evicted} for the quota")]
    public static partial void MediaSwept(ILogger logger, int orphans, int evicted);

    [LoggerMessage(EventId = 2042, Level = LogLevel.Warning, Message = "Media sweep failed; trying again at the next one")]
    public static partial void MediaSweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2200, Level = LogLevel.Warning, Message = "A write batch of {Count} unit(s) did not commit; each of its callers gets the error")]
    public static partial void WriteBatchFailed(ILogger logger, int count, Exception exception);
}
