namespace ChatBot.Host.Regions;

/// <summary>Section <c>RegionEditor</c>: the Vary (Region) page the bot serves, and the signed links Discord and Slack members get to it.</summary>
public sealed class RegionEditorOptions : IValidatableObject
{
    public const string Section = "RegionEditor";

    /// <summary>
    /// The key that signs the links (a secret: <c>ChatBot__RegionEditor__Secret</c>, at least 32 characters). Empty: a
    /// random key per process, so links stop working when the host restarts.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>How long a link works after the member pressed Vary (Region).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The model to inpaint with when the result's own model cannot (empty: the catalog's default inpainting model).</summary>
    public string? Model { get; set; }

    /// <summary>Where links point: <c>Playground:PublicBaseUrl</c>, the address people reach this host at. Without it, no links.</summary>
    internal Uri? PublicBaseUrl { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Secret is { Length: > 0 and < 32 })
        {
            yield return new ValidationResult("RegionEditor:Secret must be at least 32 characters long.", [nameof(Secret)]);
        }
    }
}
