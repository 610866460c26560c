namespace ChatBot.Discord.Gateway;

/// <summary>What a Resume needs: the session id, where to resume, and the last sequence number seen.</summary>
internal sealed class GatewaySession(string sessionId, Uri resumeUrl)
{
    public string SessionId { get; } = sessionId;
    public Uri ResumeUrl { get; } = resumeUrl;
    public long? Sequence { get; set; }
}
