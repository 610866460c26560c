namespace ChatBot.Core.Media;

/// <summary>A file kept in the bot's media store (inputs, previews and results), addressed by key.</summary>
public sealed record StoredMedia(string Key, string ContentType, string FileName, long Length, int? Width = null, int? Height = null)
{
    /// <summary>Where a provider's result came from (its own link), kept for "Save to gallery"; null for inputs.</summary>
    public Uri? SourceUrl { get; init; }

    public MediaKind Kind => MediaSniffer.KindOf(ContentType);
}
