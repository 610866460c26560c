using ChatBot.Core.Replies;

namespace ChatBot.Slack;

/// <summary>Section <c>Slack</c>. Without <see cref="BotToken"/> the Slack adapter stays idle.</summary>
public sealed class SlackOptions : IValidatableObject
{
    public const string Section = "Slack";

    /// <summary>The bot token (<c>xoxb-…</c>) for the Web API and url_private downloads.</summary>
    public string? BotToken { get; set; }

    /// <summary>The app-level token (<c>xapp-…</c>, scope connections:write) for Socket Mode.</summary>
    public string? AppToken { get; set; }

    /// <summary>The signing secret that verifies HTTP-mode requests.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>The Web API base; every other URL (socket, upload, files) comes from Slack's answers.</summary>
    [Required]
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>Explicit mode; when unset, Socket Mode if an app token is set, otherwise HTTP.</summary>
    public SlackMode? Mode { get; set; }

    /// <summary>Slack user ids with admin rights in the bot (besides workspace admins and owners).</summary>
    public List<string> AdminUserIds { get; set; } = [];

    /// <summary>Hosts input files may be read from. A bare host means HTTPS only; an entry with a scheme (<c>http://127.0.0.1:5000</c>) allows exactly that origin.</summary>
    public List<string> FileHosts { get; set; } = ["files.slack.com"];

    /// <summary>Reaction name (without colons) → the action it runs on a message with an image.</summary>
    public Dictionary<string, ButtonAction> ReactionMap { get; set; } = new(StringComparer.Ordinal)
    {
        ["mag"] = ButtonAction.Upscale,
        ["clapper"] = ButtonAction.Animate,
        ["scissors"] = ButtonAction.RemoveBackground,
        ["repeat"] = ButtonAction.Reroll,
        ["pencil2"] = ButtonAction.Edit,
    };

    /// <summary>Largest input file accepted from Slack, checked before any credit is reserved.</summary>
    [Range(1, 1L << 30)]
    public long MaxInputBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>WebSocket ping interval; a missing pong within <see cref="PongTimeout"/> drops the socket.</summary>
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan PongTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A new socket that sends no hello within this time is abandoned.</summary>
    public TimeSpan HelloTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait between reconnect attempts.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often files.info is polled while an upload's share completes.</summary>
    public TimeSpan FileSharePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1, 100)]
    public int FileSharePollAttempts { get; set; } = 20;

    /// <summary>How many 429 answers one call waits out before it gives up.</summary>
    [Range(0, 100)]
    public int MaxRateLimitRetries { get; set; } = 8;

    /// <summary>How many inbound requests run at once (each may call the Web API).</summary>
    [Range(1, 256)]
    public int MaxConcurrentRequests { get; set; } = 8;

    /// <summary>How long a users.info admin answer is trusted.</summary>
    public TimeSpan AdminCacheDuration { get; set; } = TimeSpan.FromMinutes(10);

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);

    public SlackMode EffectiveMode => Mode ?? (string.IsNullOrWhiteSpace(AppToken) ? SlackMode.Http : SlackMode.Socket);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (!BotToken!.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            yield return new ValidationResult("Slack:BotToken must be a bot token (it starts with xoxb-).", [nameof(BotToken)]);
        }

        if (EffectiveMode == SlackMode.Socket && string.IsNullOrWhiteSpace(AppToken))
        {
            yield return new ValidationResult("Slack:AppToken (xapp-…) is required for Socket Mode.", [nameof(AppToken)]);
        }
        else if (EffectiveMode == SlackMode.Socket && !AppToken!.StartsWith("xapp-", StringComparison.Ordinal))
        {
            yield return new ValidationResult("Slack:AppToken must be an app-level token (it starts with xapp-).", [nameof(AppToken)]);
        }

        if (EffectiveMode == SlackMode.Http && string.IsNullOrWhiteSpace(SigningSecret))
        {
            yield return new ValidationResult("Set Slack:AppToken (Socket Mode) or Slack:SigningSecret (HTTP mode).", [nameof(SigningSecret)]);
        }

        if (!ApiBaseUrl.IsAbsoluteUri || ApiBaseUrl.Scheme is not ("https" or "http"))
        {
            yield return new ValidationResult("Slack:ApiBaseUrl must be an absolute http(s) URL.", [nameof(ApiBaseUrl)]);
        }
    }
}
