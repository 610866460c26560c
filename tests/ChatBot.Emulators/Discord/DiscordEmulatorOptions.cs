namespace ChatBot.Emulators.Discord;

/// <summary>How the emulator behaves; tests change these before or while they run.</summary>
public sealed class DiscordEmulatorOptions
{
    public string Token { get; set; } = "emulator-bot-token.abc123";
    public string ApplicationId { get; set; } = "900000000000000001";
    public string BotUserId { get; set; } = "900000000000000002";

    /// <summary>The heartbeat interval announced in Hello.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>When false, a new gateway connection gets no Hello (a stuck edge).</summary>
    public bool SendHello { get; set; } = true;

    /// <summary>When false, heartbeats get no ACK (a zombie connection from the client's view).</summary>
    public bool AcknowledgeHeartbeats { get; set; } = true;

    /// <summary>Requests per bucket window before the emulator answers 429 (a client that follows the headers never sees it).</summary>
    public int BucketLimit { get; set; } = 50;

    public TimeSpan BucketWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Bot-token requests per second per token, across every process of the bot (Discord's global limit).</summary>
    public int GlobalLimit { get; set; } = 50;

    /// <summary>On Resume, also re-send this many events the client had already seen (tests de-duplication).</summary>
    public int ReplayAlreadySeen { get; set; }

    /// <summary>How long interaction tokens stay valid.</summary>
    public TimeSpan InteractionTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary><c>session_start_limit.total</c>: identifies allowed per <see cref="SessionStartResetAfter"/>.</summary>
    public int SessionStartTotal { get; set; } = 1000;

    /// <summary>Identifies left at start (<c>session_start_limit.remaining</c>); each Identify spends one.</summary>
    public int SessionStartRemaining { get; set; } = 1000;

    /// <summary>When the budget is full again (<c>session_start_limit.reset_after</c>), from the first read.</summary>
    public TimeSpan SessionStartResetAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary><c>session_start_limit.max_concurrency</c>: identifies per 5 s per bucket (shard id modulo this).</summary>
    public int MaxConcurrency { get; set; } = 1;

    /// <summary>When true, every session is invalidated (op 9, not resumable) right after READY: a flapping gateway.</summary>
    public bool InvalidateSessionsAfterReady { get; set; }

    /// <summary>When true, every resumed connection is cut right after RESUMED: a reconnect loop.</summary>
    public bool DropConnectionsAfterResumed { get; set; }

    /// <summary>Invalid requests (401/403/429) in 10 minutes after which Cloudflare bans the IP for an hour.</summary>
    public int InvalidRequestLimit { get; set; } = 10_000;

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
