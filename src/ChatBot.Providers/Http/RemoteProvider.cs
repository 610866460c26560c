namespace ChatBot.Providers.Http;

/// <summary>
/// What every remote provider shares: its name and availability come from its <see cref="ProviderHttp"/>, and a
/// submit is never repeated after a restart (each one starts paid work at the provider).
/// </summary>
internal abstract class RemoteProvider(ProviderHttp http, ILogger logger) : IProviderHealth
{
    protected ProviderHttp Http { get; } = http;

    public string Name => Http.Name;

    public virtual bool IsAvailable => Http.IsAvailable;

    public bool ResubmitIsSafe => false;

    public virtual ProviderStatus Status =>
        !Http.HasKey ? new("off", $"no key (Providers:{Http.Section}:ApiKey)")
        : Http.Resilience.IsBroken ? new("open", "failing: the bot gives it a break", Http.Resilience.OpenUntil)
        : new("ok");

    /// <summary>Logs that the provider took the job as <paramref name="remoteId"/>.</summary>
    protected void LogAccepted(string jobId, string remoteId) => ProviderLog.Accepted(logger, Name, jobId, remoteId);

    /// <summary>Refuses the work before any request when the bot has no key for this provider.</summary>
    protected void EnsureConfigured()
    {
        if (!Http.HasKey)
        {
            throw Http.NotConfigured();
        }
    }
}
