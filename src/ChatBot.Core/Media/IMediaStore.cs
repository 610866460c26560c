namespace ChatBot.Core.Media;

/// <summary>Durable storage for media bytes, so buttons on a result still work after a restart.</summary>
public interface IMediaStore
{
    /// <summary>Stores the content and returns its key. The content has already been checked.</summary>
    Task<StoredMedia> SaveAsync(Stream content, string contentType, string fileName, int? width, int? height, CancellationToken cancellationToken);

    /// <summary>Stores a provider's result together with the provider's own link to it (<see cref="StoredMedia.SourceUrl"/>).</summary>
    Task<StoredMedia> SaveAsync(Stream content, string contentType, string fileName, int? width, int? height, Uri? sourceUrl, CancellationToken cancellationToken);

    Task<StoredMedia?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Opens the bytes for reading, or null when the key is unknown.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);
}
