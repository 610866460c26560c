namespace ChatBot.Emulators.Slack;

/// <summary>A file in the emulated workspace: uploaded by the bot or shared by a member.</summary>
public sealed class SlackEmulatedFile
{
    public required string Id { get; init; }
    public required string Name { get; set; }
    public string? Title { get; set; }
    public string Mimetype { get; set; } = "application/octet-stream";
    public long DeclaredLength { get; init; }
    public byte[]? Bytes { get; set; }
    public string User { get; init; } = "";
    public bool Completed { get; set; }
    public string? ChannelId { get; set; }
    public string? ThreadTs { get; set; }
    public string? InitialComment { get; set; }

    /// <summary>The ts of the message the share created, once the share has completed.</summary>
    public string? ShareTs { get; set; }
    public bool ShareCompleted { get; set; }
    public int InfoCallsUntilShared { get; set; }

    /// <summary>Deleted with files.delete (its share message goes with it).</summary>
    public bool Deleted { get; set; }
}
