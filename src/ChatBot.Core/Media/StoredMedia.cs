namespace ChatBot.Core.Media;

/// <summary>A file kept in the bot's media store (inputs, previews and results), addressed by key.</summary>
public sealed record StoredMedia(string Key, string ContentType, string FileName, long Length, int? Width = null, int? Height = null)
{
    /// <summary>
    /// A public link to the same bytes: a provider's result's own link (for "Save to gallery"), or a platform CDN link an
    /// input came from (so a provider can fetch it instead of being sent the bytes); null when there is none.
    /// </summary>
    public Uri? SourceUrl { get; init; }

    public MediaKind Kind => MediaSniffer.KindOf(ContentType);
}
