namespace ChatBot.Core.Model;

/// <summary>What the member asked for, independent of the platform it came from.</summary>
public enum CommandKind
{
    Imagine,
    Edit,
    Video,
    Upscale,
    Vary,
    Reroll,
    Animate,
    RemoveBackground,
    Credits,
    GrantCredits,
    SetAllowance,
    Jobs,
    Cancel,
    Models,
    Settings,
    Help,

    /// <summary>Keep a result in the member's gallery on the provider that made it (a button).</summary>
    SaveToGallery,

    /// <summary>/templates: find a provider template by platform, search words or use case.</summary>
    Templates,

    /// <summary>The community's usage for its admins (/stats).</summary>
    Stats,

    /// <summary>The Vary (Region) button on Discord and Slack: answers with a signed link to the region editor.</summary>
    VaryRegion,
}
