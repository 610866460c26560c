namespace ChatBot.Core.Commands;

/// <summary>Log messages of the command handlers (event ids 1000–1099).</summary>
internal static partial class CommandsLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Job {JobId} accepted for {Account}: {Model}, {Price} credits reserved")]
    public static partial void JobAccepted(this ILogger logger, string jobId, string account, string model, long price);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "/models lists no templates of {Provider}: {Reason}")]
    public static partial void TemplatesUnavailable(this ILogger logger, string provider, string reason);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Saving job {JobId} to the {Provider} gallery was refused ({Code})")]
    public static partial void GallerySaveRefused(this ILogger logger, string jobId, string provider, string code);

    [LoggerMessage(EventId = 1500, Level = LogLevel.Information, Message = "Job {JobId} was not confirmed within {Expiry} and expired")]
    public static partial void ConfirmationExpired(this ILogger logger, string jobId, TimeSpan expiry);

    [LoggerMessage(EventId = 1501, Level = LogLevel.Warning, Message = "Job {JobId} awaiting confirmation could not be expired")]
    public static partial void ConfirmationExpiryFailed(this ILogger logger, Exception exception, string jobId);
}
