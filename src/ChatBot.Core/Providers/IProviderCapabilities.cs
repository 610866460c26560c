namespace ChatBot.Core.Providers;

/// <summary>
/// Optional: a provider that can say what it offers right now (the AI services behind it, its operations), shown by
/// /models under the provider. The provider may cache the answer; failures are thrown as <see cref="ProviderException"/>.
/// </summary>
public interface IProviderCapabilities
{
    /// <summary>Short lines for members, for example "Stability AI: ultra, core (generation, editing)".</summary>
    Task<IReadOnlyList<string>> DescribeCapabilitiesAsync(CancellationToken cancellationToken);
}
