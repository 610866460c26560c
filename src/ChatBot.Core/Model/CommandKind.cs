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

    /// <summary>Confirm a job priced above the tenant's threshold (its Confirm button).</summary>
    Confirm,

    /// <summary>/history: the member's latest results, with buttons that act on them.</summary>
    History,

    /// <summary>/show &lt;job&gt;: posts a finished result again, with its working buttons.</summary>
    Show,

    /// <summary>A result's Info button: model, provider, seed, parameters, cost, duration (privately).</summary>
    JobInfo,
    /// <summary>The Vary (Region) button on Discord and Slack: answers with a signed link to the region editor.</summary>
    VaryRegion,
}
