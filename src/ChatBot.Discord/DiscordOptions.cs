namespace ChatBot.Discord;

/// <summary>Section <c>Discord</c>. Nothing Discord-related starts while <see cref="Token"/> is empty.</summary>
public sealed class DiscordOptions : IValidatableObject
{
    public const string Section = "Discord";

    /// <summary>
    /// GUILDS | GUILD_MESSAGE_REACTIONS | DIRECT_MESSAGE_REACTIONS: the bot acts on interactions (no intent needed) and
    /// reactions, in servers and in DMs. It reads a reacted message over REST, so it needs no message events.
    /// </summary>
    public const long DefaultIntents = 1 | (1 << 10) | (1 << 13);

    /// <summary>The privileged MESSAGE_CONTENT intent.</summary>
    public const long MessageContentIntent = 1 << 15;

    public static readonly IReadOnlyList<string> DefaultCdnHosts = ["cdn.discordapp.com", "media.discordapp.net"];

    /// <summary>The bot token (a secret: set it from the environment, <c>ChatBot__Discord__Token</c>).</summary>
    public string? Token { get; set; }

    public string? ApplicationId { get; set; }

    [Required]
    [Url]
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>The application's hex Ed25519 public key; needed in HTTP interactions mode.</summary>
    public string? PublicKey { get; set; }

    public DiscordMode Mode { get; set; } = DiscordMode.Gateway;

    /// <summary>Register commands in this guild only (instant, for development); empty registers them globally.</summary>
    public string? GuildId { get; set; }

    public bool RegisterCommands { get; set; } = true;

    [Range(0, 10_000)]
    public int ShardId { get; set; }

    [Range(1, 10_000)]
    public int ShardCount { get; set; } = 1;

    /// <summary>
    /// The shards this process runs, when more than one: a range (<c>0-3</c>) or a list (<c>0,2</c>), each below
    /// <see cref="ShardCount"/>. Empty runs <see cref="ShardId"/> alone. Identifies are paced by <c>max_concurrency</c>.
    /// </summary>
    public string? Shards { get; set; }

    /// <summary>The shard ids this process connects: <see cref="Shards"/>, or <see cref="ShardId"/>.</summary>
    public IReadOnlyList<int> EffectiveShards => Gateway.ShardList.Parse(Shards) ?? [ShardId];

    /// <summary>Gateway intents; null uses <see cref="DefaultIntents"/> (plus MESSAGE_CONTENT when <see cref="ReactionsOnAnyMessage"/>).</summary>
    public long? Intents { get; set; }

    /// <summary>Act on reactions to any member's message with an image, not only the bot's own results. Needs MESSAGE_CONTENT for ✏️.</summary>
    public bool ReactionsOnAnyMessage { get; set; }

    /// <summary>Emoji → action (Upscale, Animate, RemoveBackground, Reroll, Edit, Vary). Null uses the defaults.</summary>
    public Dictionary<string, string>? ReactionMap { get; set; }

    /// <summary>Hosts input files may be fetched from. Null uses Discord's CDN hosts.</summary>
    public List<string>? CdnHosts { get; set; }

    /// <summary>Largest input file fetched from Discord, in bytes.</summary>
    [Range(1, 500L * 1024 * 1024)]
    public long MaxInputBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>Upload limit used when an interaction does not say its own <c>attachment_size_limit</c>.</summary>
    [Range(1, 500L * 1024 * 1024)]
    public long DefaultAttachmentSizeLimit { get; set; } = 10L * 1024 * 1024;

    /// <summary>Switch from the interaction token to bot-token channel edits this long before the token's 15 minutes end.</summary>
    public TimeSpan TokenExpiryMargin { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one REST request may take. A timeout is retried with back-off like any other failure.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The URL in the <c>User-Agent: DiscordBot (url, version)</c> header.</summary>
    public string UserAgentUrl { get; set; } = "https://github.com/chatbot/chatbot";

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Token);

    public long EffectiveIntents => Intents ?? (DefaultIntents | (ReactionsOnAnyMessage ? MessageContentIntent : 0));

    public IReadOnlyList<string> EffectiveCdnHosts => CdnHosts is { Count: > 0 } hosts ? hosts : DefaultCdnHosts;

    public IReadOnlyDictionary<string, string> EffectiveReactionMap => ReactionMap is { Count: > 0 } map
        ? map
        : new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["🔍"] = "Upscale",
            ["🎬"] = "Animate",
            ["✂️"] = "RemoveBackground",
            ["🔁"] = "Reroll",
            ["✏️"] = "Edit",
        };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsEnabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(ApplicationId))
        {
            yield return new ValidationResult("Discord:ApplicationId is required when Discord:Token is set.", [nameof(ApplicationId)]);
        }

        if (Mode == DiscordMode.Http && (PublicKey is null || PublicKey.Length != 64 || !PublicKey.All(Uri.IsHexDigit)))
        {
            yield return new ValidationResult("Discord:PublicKey must be the application's 64-character hex public key in HTTP mode.", [nameof(PublicKey)]);
        }

        if (ShardId >= ShardCount)
        {
            yield return new ValidationResult("Discord:ShardId must be below Discord:ShardCount.", [nameof(ShardId)]);
        }

        if (!string.IsNullOrWhiteSpace(Shards) && (Gateway.ShardList.Parse(Shards) is not { } shards || shards.Any(id => id >= ShardCount)))
        {
            yield return new ValidationResult("Discord:Shards must be a range (0-3) or a list (0,2) of shard ids below Discord:ShardCount.", [nameof(Shards)]);
        }
    }
}
