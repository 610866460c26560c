namespace ChatBot.Discord.Gateway;

/// <summary>How one gateway connection ended, and so what the next one does.</summary>
internal enum GatewayOutcome
{
    Resume,
    Identify,

    /// <summary>op 9 with d=false: identify again after a short random wait.</summary>
    IdentifyAfterWait,
    Stop,
}
