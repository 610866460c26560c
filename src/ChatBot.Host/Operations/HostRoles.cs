namespace ChatBot.Host.Operations;

/// <summary>What one process of the bot does (<c>Host:Roles</c>); several processes on one PostgreSQL store share the work.</summary>
[Flags]
internal enum HostRoles
{
    None = 0,

    /// <summary>Platform connections and endpoints: the Discord gateway or HTTP interactions, Slack Socket Mode or HTTP events.</summary>
    Platforms = 1,

    /// <summary>Job work: recovery, running queued jobs at their providers, the retry of unwritten endings, the media sweep.</summary>
    Jobs = 2,

    /// <summary>The web Playground (its page and API).</summary>
    Playground = 4,

    All = Platforms | Jobs | Playground,
}
