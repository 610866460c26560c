namespace ChatBot.Discord;

/// <summary>How interactions reach the bot.</summary>
public enum DiscordMode
{
    /// <summary>Over the gateway WebSocket (no public URL needed).</summary>
    Gateway,

    /// <summary>As signed HTTP POSTs to <c>/discord/interactions</c> (the gateway is not opened).</summary>
    Http,
}
