namespace ChatBot.Core.Providers;

/// <summary>
/// Optional: a provider that can keep a result in the member's own gallery on its service
/// (offered as a "Save to gallery" button when the tenant enables it).
/// </summary>
public interface IGalleryProvider
{
    /// <summary>Saves the result. Refusals are thrown as <see cref="ProviderException"/> with a user message.</summary>
    Task SaveToGalleryAsync(GallerySaveRequest request, CancellationToken cancellationToken);
}
