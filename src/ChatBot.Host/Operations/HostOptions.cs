namespace ChatBot.Host.Operations;

/// <summary>Section <c>Host</c>: which roles this process plays.</summary>
internal sealed class HostOptions : IValidatableObject
{
    public const string Section = "Host";

    /// <summary>
    /// Comma-separated: any of <c>platforms</c>, <c>jobs</c>, <c>playground</c>; empty or <c>all</c> plays every role.
    /// Anything but all of them needs a store other processes share (<c>Storage:Provider</c> <c>Postgres</c>).
    /// </summary>
    public string? Roles { get; set; }

    /// <summary>
    /// How often this process heartbeats into the store's <c>workers</c> table; a worker silent for three of these is
    /// no longer counted when the others split the bot token's rate limits.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:10:00", ErrorMessage = "Host:WorkerHeartbeat must be between 0.1 s and 10 minutes.")]
    public TimeSpan WorkerHeartbeat { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Set from <c>Storage:Provider</c>: whether other processes can share this one's store.</summary>
    internal bool SharedStore { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!HostRoleSelection.TryParse(Roles, out var roles, out var unknown))
        {
            yield return new ValidationResult($"Host:Roles: '{unknown}' is not a role; use platforms, jobs, playground or all, separated by commas.", [nameof(Roles)]);
        }
        else if (roles != HostRoles.All && !SharedStore)
        {
            yield return new ValidationResult(
                "Host:Roles splits the bot's work over processes, which needs a store they share: set Storage:Provider to Postgres (a SQLite database serves one process only), or leave Host:Roles empty.",
                [nameof(Roles)]);
        }
    }
}
