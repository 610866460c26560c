namespace ChatBot.Slack;

/// <summary>Log messages of the Slack adapter (event ids 5000–5999). None of them carries a token or secret.</summary>
internal static partial class SlackLog
{
    [LoggerMessage(5001, LogLevel.Information, "Slack Socket Mode connected (connection {ConnectionId}, {Connections} open)")]
    public static partial void SocketConnected(this ILogger logger, int connectionId, int connections);

    [LoggerMessage(5002, LogLevel.Information, "Slack asked connection {ConnectionId} to disconnect: {Reason}")]
    public static partial void SocketDisconnectRequested(this ILogger logger, int connectionId, string reason);

    [LoggerMessage(5003, LogLevel.Warning, "Slack Socket Mode connection {ConnectionId} ended: {Reason}")]
    public static partial void SocketEnded(this ILogger logger, int connectionId, string reason);

    [LoggerMessage(5004, LogLevel.Warning, "Slack Socket Mode connect failed (attempt {Attempt}); retrying in {Delay}")]
    public static partial void SocketConnectFailed(this ILogger logger, Exception exception, int attempt, TimeSpan delay);

    [LoggerMessage(5005, LogLevel.Error, "Socket Mode is disabled for this Slack app (link_disabled); the Slack adapter stops")]
    public static partial void SocketModeDisabled(this ILogger logger);

    [LoggerMessage(5006, LogLevel.Error, "Slack refused the app token ({Error}); the Slack adapter stops")]
    public static partial void SocketAuthFailed(this ILogger logger, string error);

    [LoggerMessage(5007, LogLevel.Debug, "Slack {Kind} {Key} was already handled (retry {RetryAttempt}); skipped")]
    public static partial void DuplicateSkipped(this ILogger logger, string kind, string key, int retryAttempt);

    [LoggerMessage(5008, LogLevel.Warning, "Slack HTTP request to {Path} refused: {Reason}")]
    public static partial void RequestRefused(this ILogger logger, string path, string reason);

    [LoggerMessage(5009, LogLevel.Warning, "Slack rate-limited {Method}; waiting {Delay} (attempt {Attempt})")]
    public static partial void RateLimited(this ILogger logger, string method, TimeSpan delay, int attempt);

    [LoggerMessage(5010, LogLevel.Error, "Handling a Slack {Kind} failed")]
    public static partial void InboundFailed(this ILogger logger, Exception exception, string kind);

    [LoggerMessage(5011, LogLevel.Warning, "Slack call {Method} failed: {Error}")]
    public static partial void ApiFailed(this ILogger logger, string method, string error);

    [LoggerMessage(5012, LogLevel.Warning, "Could not record Slack {Kind} {Key} as seen; trying again")]
    public static partial void DedupeFailed(this ILogger logger, Exception exception, string kind, string key);

    [LoggerMessage(5013, LogLevel.Warning, "Slack reply {Handle} could not be updated: {Error}")]
    public static partial void ReplyUpdateFailed(this ILogger logger, string handle, string error);

    [LoggerMessage(5014, LogLevel.Warning, "The share of Slack file {FileId} did not complete after {Attempts} checks")]
    public static partial void ShareNotCompleted(this ILogger logger, string fileId, int attempts);

    [LoggerMessage(5015, LogLevel.Warning, "A Slack {Kind} payload could not be read: {Reason}")]
    public static partial void PayloadUnreadable(this ILogger logger, string kind, string reason);

    [LoggerMessage(5016, LogLevel.Warning, "Slack {Method} failed transiently ({Error}); try {Attempt} again in {Delay}")]
    public static partial void TransientFailure(this ILogger logger, string method, string error, TimeSpan delay, int attempt);

    [LoggerMessage(5017, LogLevel.Warning, "Could not tell the member about reply {Handle}: {Error}")]
    public static partial void MemberNotTold(this ILogger logger, string handle, string error);

    [LoggerMessage(5018, LogLevel.Warning, "Could not acknowledge envelope {EnvelopeId} on Socket Mode connection {ConnectionId} ({Reason}); Slack will redeliver it")]
    public static partial void AckFailed(this ILogger logger, int connectionId, string envelopeId, string reason);
}
