namespace ChatBot.Discord.Gateway;

/// <summary>The frames the bot sends on the gateway: Identify (op 2), Resume (op 6) and Heartbeat (op 1).</summary>
internal static class GatewayFrames
{
    public static JsonObject Identify(DiscordOptions options, int shardId) => new()
    {
        ["op"] = (int)GatewayOpCode.Identify,
        ["d"] = new JsonObject
        {
            ["token"] = options.Token,
            ["intents"] = options.EffectiveIntents,
            ["properties"] = new JsonObject { ["os"] = Environment.OSVersion.Platform.ToString().ToLowerInvariant(), ["browser"] = "ChatBot", ["device"] = "ChatBot" },
            ["shard"] = new JsonArray(shardId, options.ShardCount),
        },
    };

    public static JsonObject Resume(DiscordOptions options, GatewaySession session) => new()
    {
        ["op"] = (int)GatewayOpCode.Resume,
        ["d"] = new JsonObject { ["token"] = options.Token, ["session_id"] = session.SessionId, ["seq"] = session.Sequence },
    };

    public static JsonObject Heartbeat(long? sequence) => new() { ["op"] = (int)GatewayOpCode.Heartbeat, ["d"] = sequence };
}
