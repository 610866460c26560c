namespace ChatBot.Core.Media;

/// <summary>What the first bytes of a file say it is, and its pixel size when the header tells.</summary>
public sealed record SniffResult(string ContentType, string Extension, MediaKind Kind, int? Width = null, int? Height = null)
{
    public long? Pixels => Width is { } w && Height is { } h ? (long)w * h : null;
}
