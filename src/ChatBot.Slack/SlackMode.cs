namespace ChatBot.Slack;

/// <summary>How Slack reaches the bot.</summary>
public enum SlackMode
{
    /// <summary>The bot opens a WebSocket to Slack (needs <c>Slack:AppToken</c>); no public URL.</summary>
    Socket,

    /// <summary>Slack POSTs signed requests to <c>/slack/*</c> (needs <c>Slack:SigningSecret</c>).</summary>
    Http,
}
