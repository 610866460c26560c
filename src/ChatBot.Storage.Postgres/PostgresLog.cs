namespace ChatBot.Storage.Postgres;

/// <summary>Log messages of the PostgreSQL store (event ids 2700–2799). Never the connection string; job and account ids only.</summary>
internal static partial class PostgresLog
{
    [LoggerMessage(EventId = 2700, Level = LogLevel.Information, Message = "PostgreSQL database {Database} ready at schema version {Version}")]
    public static partial void DatabaseReady(ILogger logger, string database, int version);

    [LoggerMessage(EventId = 2701, Level = LogLevel.Information, Message = "Applied PostgreSQL schema migration {Version}: {Description}")]
    public static partial void MigrationApplied(ILogger logger, int version, string description);

    [LoggerMessage(EventId = 2710, Level = LogLevel.Debug, Message = "Job {JobId} created for {Account}, reserved {Price} credits")]
    public static partial void JobCreated(ILogger logger, string jobId, AccountKey account, long price);

    [LoggerMessage(EventId = 2711, Level = LogLevel.Debug, Message = "Job {JobId} refused for {Account}: price {Price}, balance {Balance}")]
    public static partial void JobInsufficientCredits(ILogger logger, string jobId, AccountKey account, long price, long balance);

    [LoggerMessage(EventId = 2712, Level = LogLevel.Debug, Message = "Job {JobId}: transition to {State} refused (no longer in the expected state)")]
    public static partial void TransitionRefused(ILogger logger, string jobId, string state);

    [LoggerMessage(EventId = 2713, Level = LogLevel.Debug, Message = "Job {JobId} succeeded: charged {Charged}, released {Released}")]
    public static partial void JobSettled(ILogger logger, string jobId, long charged, long released);

    [LoggerMessage(EventId = 2714, Level = LogLevel.Debug, Message = "Job {JobId} ended {State}: refunded {Refunded}")]
    public static partial void JobRefunded(ILogger logger, string jobId, string state, long refunded);

    [LoggerMessage(EventId = 2715, Level = LogLevel.Debug, Message = "Job {JobId} refused for {Account}: {Queued} jobs already waiting")]
    public static partial void JobQueueFull(ILogger logger, string jobId, AccountKey account, int queued);

    [LoggerMessage(EventId = 2720, Level = LogLevel.Warning, Message = "Reservation {ReservationId} is unknown or already closed; nothing to {Action}")]
    public static partial void ReservationNotOpen(ILogger logger, string reservationId, string action);

    [LoggerMessage(EventId = 2721, Level = LogLevel.Information, Message = "Granted {Amount} credits to {Account}: {Reason}")]
    public static partial void Granted(ILogger logger, AccountKey account, long amount, string reason);

    [LoggerMessage(EventId = 2730, Level = LogLevel.Debug, Message = "Pruned {Count} remembered events")]
    public static partial void EventsPruned(ILogger logger, int count);

    [LoggerMessage(EventId = 2740, Level = LogLevel.Warning, Message = "Media {Key} is recorded but its file is missing")]
    public static partial void MediaFileMissing(ILogger logger, string key);
}
