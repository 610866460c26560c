namespace ChatBot.Host.Playground;

/// <summary>Section <c>Playground</c>: the embedded web platform.</summary>
public sealed class PlaygroundOptions
{
    public const string Section = "Playground";

    /// <summary>
    /// The Playground's admin (may grant credits and set the allowance). When empty, the first user
    /// name ever seen becomes the admin and the choice is kept in <see cref="AdminFile"/>.
    /// </summary>
    public string? Admin { get; set; }

    /// <summary>Where the first-seen admin is remembered across restarts.</summary>
    [Required]
    public string AdminFile { get; set; } = "data/playground-admin.txt";

    /// <summary>Attachments per message. Their size limit is <c>Media:MaxInputBytes</c>.</summary>
    [Range(0, 10)]
    public int MaxAttachments { get; set; } = 4;

    /// <summary>How many replies the channel keeps in memory (oldest finished ones are forgotten first).</summary>
    [Range(10, 100_000)]
    public int MaxReplies { get; set; } = 500;
}
