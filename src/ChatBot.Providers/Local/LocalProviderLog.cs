namespace ChatBot.Providers.Local;

/// <summary>Logs of the local provider (event ids 3200–3299; the remote providers use 3100–3199).</summary>
internal static partial class LocalProviderLog
{
    [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "Local job {JobId}: {Operation} started")]
    public static partial void WorkStarted(ILogger logger, string jobId, string operation);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "Local job {JobId}: {Operation} finished with {OutputCount} output(s) in {ElapsedMs} ms")]
    public static partial void WorkFinished(ILogger logger, string jobId, string operation, int outputCount, long elapsedMs);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Local job {JobId}: {Operation} refused ({Code}): {Reason}")]
    public static partial void WorkRefused(ILogger logger, string jobId, string operation, string code, string reason);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Warning, Message = "ffmpeg exited with code {ExitCode} while {Task}: {Error}")]
    public static partial void FfmpegFailed(ILogger logger, int exitCode, string task, string error);

    [LoggerMessage(EventId = 3204, Level = LogLevel.Warning, Message = "ffmpeg could not be started from '{Path}'")]
    public static partial void FfmpegMissing(ILogger logger, string path, Exception exception);
}
