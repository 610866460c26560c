namespace ChatBot.Core.Tenants;

/// <summary>
/// A member's own defaults (<c>/settings me</c>): used when a command names none, overridden by the command's own
/// flags, and only where the model takes them.
/// </summary>
public sealed record MemberDefaults
{
    public string? Model { get; init; }
    public string? AspectRatio { get; init; }
    public int? Count { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => Model is null && AspectRatio is null && Count is null;
}
