namespace ChatBot.Discord.Rest.Models;

/// <summary>A message or modal component: Action Row 1, Button 2, Text Input 4, Label 18.</summary>
internal sealed record Component(int Type)
{
    public const int ActionRowType = 1;
    public const int ButtonType = 2;
    public const int TextInputType = 4;
    public const int LabelType = 18;

    public int? Style { get; init; }
    public string? Label { get; init; }
    public string? CustomId { get; init; }
    public string? Url { get; init; }
    public bool? Disabled { get; init; }
    public IReadOnlyList<Component>? Components { get; init; }

    /// <summary>The child of a Label.</summary>
    [JsonPropertyName("component")]
    public Component? Child { get; init; }
    public string? Placeholder { get; init; }
    public bool? Required { get; init; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    public string? Value { get; init; }
    public string? Description { get; init; }
}
