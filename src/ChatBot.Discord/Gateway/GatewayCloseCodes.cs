namespace ChatBot.Discord.Gateway;

/// <summary>What the gateway's close codes mean for reconnecting.</summary>
internal static class GatewayCloseCodes
{
    /// <summary>The code the bot closes with to keep its session resumable (anything but 1000/1001).</summary>
    public const int ResumableClose = 4900;

    /// <summary>Codes after which reconnecting cannot help; the hint is for the admin.</summary>
    public static string? Fatal(int? code) => code switch
    {
        4004 => "authentication failed: check Discord:Token",
        4010 => "invalid shard: check Discord:ShardId and Discord:ShardCount",
        4011 => "sharding required: set Discord:ShardCount (see GET /gateway/bot)",
        4012 => "invalid API version",
        4013 => "invalid intents: check Discord:Intents",
        4014 => "disallowed intents: enable the privileged MESSAGE_CONTENT intent in the Developer Portal, or turn off Discord:ReactionsOnAnyMessage",
        _ => null,
    };

    /// <summary>Codes after which the session is gone and the bot must identify again.</summary>
    public static bool NeedsNewSession(int? code) => code is 4007 or 4009;
}
