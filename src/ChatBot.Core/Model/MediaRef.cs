namespace ChatBot.Core.Model;

/// <summary>
/// An input file as the platform announced it. Nothing is trusted: the declared type and size
/// are hints, the bytes are checked when they are fetched.
/// </summary>
/// <param name="Url">Where the platform serves the file. The scheme <c>media:</c> names a file already in the bot's media store.</param>
/// <param name="RequiresBotToken">Whether reading the file needs the bot's own credentials (Slack's url_private).</param>
public sealed record MediaRef(
    string Url,
    string FileName,
    string? DeclaredContentType = null,
    long? DeclaredSize = null,
    bool RequiresBotToken = false,
    MediaRole Role = MediaRole.Image)
{
    public const string StoreScheme = "media:";

    public static MediaRef FromStore(string key, string fileName, MediaRole role = MediaRole.Image) =>
        new(StoreScheme + key, fileName, Role: role);

    public bool IsStored => Url.StartsWith(StoreScheme, StringComparison.Ordinal);

    public string StoreKey => IsStored ? Url[StoreScheme.Length..] : throw new InvalidOperationException("Not a stored media reference.");
}
