namespace ChatBot.Core.Jobs;

/// <summary>Section <c>Scheduler</c>: how many jobs run at once, per member and per provider.</summary>
internal sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    [Range(1, 100)]
    public int MaxRunningPerUser { get; set; } = 2;

    [Range(1, 1000)]
    public int MaxQueuedPerUser { get; set; } = 5;

    /// <summary>Jobs running at once on one provider (unless overridden in <see cref="ProviderConcurrency"/>).</summary>
    [Range(1, 100_000)]
    public int DefaultProviderConcurrency { get; set; } = 4;

    /// <summary>Per-provider overrides, by provider name.</summary>
    public Dictionary<string, int> ProviderConcurrency { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long a job may run at its provider before it is failed and refunded.</summary>
    public TimeSpan JobTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often a job ending the store could not write (disk full) is tried again.</summary>
    public TimeSpan StorageRetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a claimed job stays this worker's without a renewal; after that another worker may take it over.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the worker renews the leases of its jobs (one statement for all) and looks for expired ones.</summary>
    public TimeSpan LeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>This worker's name on the jobs it holds; empty: the host name and process id.</summary>
    public string WorkerId { get; set; } = "";

    /// <summary><see cref="WorkerId"/>, or the host name and process id when none is set.</summary>
    public string Worker => string.IsNullOrWhiteSpace(WorkerId) ? $"{Environment.MachineName}-{Environment.ProcessId}" : WorkerId;

    /// <summary>
    /// False in a process without the <c>jobs</c> role (<c>Host:Roles</c>): accepted jobs stay queued in the store for
    /// the workers that run them. Not a setting of its own (internal: never bound from configuration).
    /// </summary>
    internal bool RunJobs { get; set; } = true;

    public int ConcurrencyFor(string provider) =>
        ProviderConcurrency.TryGetValue(provider, out var n) && n > 0 ? n : DefaultProviderConcurrency;
}
