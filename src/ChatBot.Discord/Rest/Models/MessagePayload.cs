namespace ChatBot.Discord.Rest.Models;

/// <summary>The body of a message create or edit (and of interaction response data).</summary>
internal sealed record MessagePayload
{
    public const int Ephemeral = 64;

    public string? Content { get; init; }
    public IReadOnlyList<Embed>? Embeds { get; init; }
    public IReadOnlyList<Component>? Components { get; init; }

    /// <summary>In an edit, every attachment to keep; new uploads are listed by their <c>files[n]</c> index.</summary>
    public IReadOnlyList<AttachmentRef>? Attachments { get; init; }
    public int? Flags { get; init; }
    public AllowedMentions? AllowedMentions { get; init; }
    public MessageReference? MessageReference { get; init; }

    // Modal and autocomplete responses use the same data object.
    public string? CustomId { get; init; }
    public string? Title { get; init; }
    public IReadOnlyList<AutocompleteChoice>? Choices { get; init; }
}
