namespace ChatBot.Core.Catalog;

/// <summary>
/// Count limits of a model, checked before any credit is reserved. The values each option may take are the
/// model's <see cref="ModelDefinition.Parameters"/>; an old catalog that still lists them here is refused.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ModelLimits
{
    public int MaxCount { get; init; } = 1;
    public int? MaxPromptLength { get; init; }
    public int MaxInputImages { get; init; } = 1;
    public bool RequiresImage { get; init; }

    /// <summary>Takes a last frame (an input with the role <c>last-frame</c>) beside the first: AetherWave's Seedance models.</summary>
    public bool TakesLastFrame { get; init; }

    /// <summary>Does not follow a prompt (the offline reframe): never offered for a prompt-driven Edit….</summary>
    public bool IgnoresPrompt { get; init; }
}
