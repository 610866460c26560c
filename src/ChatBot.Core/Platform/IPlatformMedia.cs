namespace ChatBot.Core.Platform;

/// <summary>
/// Reads input files from one platform's own file hosts (an allowlist; the bot token where the
/// platform needs it). The caller caps the bytes and sniffs the content.
/// </summary>
public interface IPlatformMedia
{
    string Platform { get; }

    /// <summary>Opens the file; throws <see cref="MediaRejectedException"/> for a host outside the allowlist.</summary>
    Task<Stream> OpenAsync(MediaRef media, CancellationToken cancellationToken);
}
