namespace ChatBot.Core.Catalog;

/// <summary>Catalog facts about a provider: how to show it and how its own cost converts to bot credits.</summary>
public sealed record ProviderInfo
{
    public required string Name { get; init; }
    public string DisplayName { get; init; } = "";
    public string Description { get; init; } = "";

    /// <summary>Bot credits charged per unit of cost the provider reports. Null means: charge the quoted price.</summary>
    public double? CreditsPerProviderUnit { get; init; }

    /// <summary>
    /// Used by <c>auto</c> only when no other provider can serve the operation (the offline local
    /// provider: free, but not AI).
    /// </summary>
    public bool LastResort { get; init; }

    /// <summary>Lower is preferred by the <c>auto</c> route when prices tie.</summary>
    public int Priority { get; init; } = 100;
}
