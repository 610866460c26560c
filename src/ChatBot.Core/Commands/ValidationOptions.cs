namespace ChatBot.Core.Commands;

/// <summary>Section <c>Validation</c>.</summary>
internal sealed class ValidationOptions
{
    public const string Section = "Validation";

    [Range(1, 100_000)]
    public int MaxPromptLength { get; set; } = 1500;

    /// <summary>Words refused in prompts (whole words, case-insensitive).</summary>
    public List<string> Blocklist { get; set; } = [];
}
