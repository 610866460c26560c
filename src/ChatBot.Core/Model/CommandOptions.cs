namespace ChatBot.Core.Model;

/// <summary>
/// The options of a command, from platform option fields and Midjourney-style inline flags
/// (inline flags win). Unset values are null: the model's defaults apply.
/// </summary>
public sealed record CommandOptions
{
    public string? Prompt { get; init; }
    public string? NegativePrompt { get; init; }
    public string? Model { get; init; }
    public string? AspectRatio { get; init; }
    public int? Count { get; init; }
    public long? Seed { get; init; }
    public double? Strength { get; init; }
    public int? DurationSeconds { get; init; }
    public string? Resolution { get; init; }
    public int? UpscaleFactor { get; init; }

    /// <summary>Edit mode: edit, inpaint, reframe, remove-background, social, …</summary>
    public string? Mode { get; init; }
    public string? Style { get; init; }
    public string? Template { get; init; }

    /// <summary>Target of /credits grant and similar admin commands (a platform user id).</summary>
    public string? TargetUserId { get; init; }
    public long? Amount { get; init; }

    /// <summary>Job referred to by /cancel.</summary>
    public string? JobId { get; init; }

    /// <summary>Provider-specific flags that passed validation (sampler, cfg, steps, loras, …).</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
