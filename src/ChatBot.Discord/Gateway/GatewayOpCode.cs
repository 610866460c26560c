namespace ChatBot.Discord.Gateway;

/// <summary>The gateway opcodes the bot sends or handles (Discord's "Gateway Opcodes" table).</summary>
internal enum GatewayOpCode
{
    Dispatch = 0,
    Heartbeat = 1,
    Identify = 2,
    Resume = 6,
    Reconnect = 7,
    InvalidSession = 9,
    Hello = 10,
    HeartbeatAck = 11,
}
