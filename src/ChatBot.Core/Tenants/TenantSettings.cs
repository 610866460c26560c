namespace ChatBot.Core.Tenants;

/// <summary>What a tenant's admins chose with /settings.</summary>
public sealed record TenantSettings
{
    /// <summary>The model used when a command names none (null: the catalog's choice for the operation).</summary>
    public string? DefaultModel { get; init; }

    /// <summary>Offer "Save to gallery" under results where the provider supports it.</summary>
    public bool GalleryEnabled { get; init; }

    /// <summary>Models members of this tenant may not use.</summary>
    public IReadOnlyList<string> DisabledModels { get; init; } = [];

    /// <summary>The channels the bot answers in (direct messages aside); empty: every channel.</summary>
    public IReadOnlyList<string> Channels { get; init; } = [];

    /// <summary>Words refused in prompts here, besides the global <c>Validation:Blocklist</c>.</summary>
    public IReadOnlyList<string> Blocklist { get; init; } = [];

    /// <summary>
    /// A job priced above this many credits waits for its member's Confirm before anything is reserved; null: the bot's
    /// <c>Credits:ConfirmAbove</c>.
    /// </summary>
    public long? ConfirmAbove { get; init; }

    /// <summary>
    /// Daily allowances by role id (Discord roles; e.g. boosters get more). A member with such roles is topped up to the
    /// highest of theirs instead of the tenant's allowance; credit stores read this in the reserving transaction.
    /// </summary>
    public IReadOnlyDictionary<string, long> RoleAllowances { get; init; } = new Dictionary<string, long>(StringComparer.Ordinal);
}
