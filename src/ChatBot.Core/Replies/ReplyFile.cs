using ChatBot.Core.Media;

namespace ChatBot.Core.Replies;

/// <summary>A file to show in a reply (preview or result), read from the media store when the adapter uploads it.</summary>
public sealed record ReplyFile(StoredMedia Media, Func<CancellationToken, Task<Stream>> OpenAsync)
{
    /// <summary>A public link to the file at the provider, for when it is too large to upload.</summary>
    public Uri? PublicUrl { get; init; }
}
