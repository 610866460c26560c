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
    public MediaInput? FirstInput(MediaRole role) => Inputs.FirstOrDefault(i => i.Role == role);
}
