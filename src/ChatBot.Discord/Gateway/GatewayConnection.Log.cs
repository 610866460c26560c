namespace ChatBot.Discord.Gateway;

internal sealed partial class GatewayConnection
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Discord gateway ready (shard {ShardId}/{ShardCount})")]
        public static partial void Ready(ILogger logger, int shardId, int shardCount);

        [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Discord gateway resumed at sequence {Sequence}")]
        public static partial void Resumed(ILogger logger, long sequence);

        [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Discord gateway missed a heartbeat ACK; reconnecting")]
        public static partial void Zombie(ILogger logger);

        [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Discord gateway connection lost ({Error}); reconnecting")]
        public static partial void ConnectionLost(ILogger logger, string error);

        [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Discord asked the gateway to reconnect (op 7)")]
        public static partial void ReconnectRequested(ILogger logger);

        [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Discord invalidated the gateway session (resumable: {Resumable})")]
        public static partial void InvalidSession(ILogger logger, bool resumable);

        [LoggerMessage(EventId = 4007, Level = LogLevel.Critical, Message = "Discord closed the gateway with {Code} ({Reason}); not reconnecting: {Hint}")]
        public static partial void FatalClose(ILogger logger, int code, string reason, string hint);

        [LoggerMessage(EventId = 4008, Level = LogLevel.Information, Message = "Discord closed the gateway with {Code}; reconnecting")]
        public static partial void Closed(ILogger logger, int code);

        [LoggerMessage(EventId = 4013, Level = LogLevel.Warning, Message = "Discord gateway sent a malformed frame ({Error}); skipped it")]
        public static partial void MalformedFrame(ILogger logger, string error);

        [LoggerMessage(EventId = 4014, Level = LogLevel.Warning, Message = "Discord gateway sent no Hello within {Seconds:0} s; reconnecting")]
        public static partial void NoHello(ILogger logger, double seconds);
    }
}
