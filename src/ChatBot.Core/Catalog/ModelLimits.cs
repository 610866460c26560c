namespace ChatBot.Core.Catalog;

/// <summary>Option limits of a model, checked before any credit is reserved.</summary>
public sealed record ModelLimits
{
    public int MaxCount { get; init; } = 1;
    public IReadOnlyList<string> AspectRatios { get; init; } = [];
    public IReadOnlyList<string> Resolutions { get; init; } = [];
    public IReadOnlyList<int> Durations { get; init; } = [];
    public IReadOnlyList<int> UpscaleFactors { get; init; } = [];
    public int? MaxPromptLength { get; init; }
    public int MaxInputImages { get; init; } = 1;
    public bool RequiresImage { get; init; }
    public bool SupportsNegativePrompt { get; init; } = true;
    public bool SupportsSeed { get; init; } = true;
}
