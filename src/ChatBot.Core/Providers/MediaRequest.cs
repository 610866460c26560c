using ChatBot.Core.Catalog;

namespace ChatBot.Core.Providers;

/// <summary>What a provider is asked to do for one job.</summary>
public sealed record MediaRequest(
    string JobId,
    MediaOperation Operation,
    ModelDefinition Model,
    CommandOptions Options,
    IReadOnlyList<MediaInput> Inputs,
    bool AllowNsfw)
{
    /// <summary>Keep the result in the member's gallery on the provider as it is made (the tenant's gallery setting; Blackwave's <c>send_to_gallery</c>).</summary>
    public bool SendToGallery { get; init; }

    public MediaInput? FirstInput(MediaRole role) => Inputs.FirstOrDefault(i => i.Role == role);
}
