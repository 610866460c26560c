namespace ChatBot.Providers.Http;

/// <summary>Logs of the remote providers. Never a key, never a request body.</summary>
internal static partial class ProviderLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Debug, Message = "Provider {Provider} answered {Status} to {Operation}")]
    public static partial void Answered(ILogger logger, string provider, string operation, int status);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Provider {Provider} accepted job {JobId} as task {RemoteId}")]
    public static partial void Accepted(ILogger logger, string provider, string jobId, string remoteId);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Provider {Provider} failed job {JobId}: {Code}")]
    public static partial void Failed(ILogger logger, string provider, string jobId, string code);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "Provider {Provider} returned a result on a host outside its allowlist: {Host}")]
    public static partial void RefusedHost(ILogger logger, string provider, string host);
}
