using Microsoft.Extensions.Logging;

namespace ChatBot.Providers.Local;

internal static partial class LocalProviderLog
{
    [LoggerMessage(EventId = 7100, Level = LogLevel.Information, Message = "Local job {JobId}: {Operation} started")]
    public static partial void WorkStarted(ILogger logger, string jobId, string operation);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Local job {JobId}: {Operation} finished with {OutputCount} output(s) in {ElapsedMs} ms")]
    public static partial void WorkFinished(ILogger logger, string jobId, string operation, int outputCount, long elapsedMs);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "Local job {JobId}: {Operation} refused ({Code}): {Reason}")]
    public static partial void WorkRefused(ILogger logger, string jobId, string operation, string code, string reason);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "ffmpeg exited with code {ExitCode} while {Task}: {Error}")]
    public static partial void FfmpegFailed(ILogger logger, int exitCode, string task, string error);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Warning, Message = "ffmpeg could not be started from '{Path}'")]
    public static partial void FfmpegMissing(ILogger logger, string path, Exception exception);
}
