namespace ChatBot.Core.Media;

/// <summary>A file kept in the bot's media store (inputs, previews and results), addressed by key.</summary>
public sealed record StoredMedia(string Key, string ContentType, string FileName, long Length, int? Width = null, int? Height = null)
{
    public MediaKind Kind => MediaSniffer.KindOf(ContentType);
}
