namespace ChatBot.Core.Providers;

/// <summary>
/// Optional: a provider that offers named templates (<c>/imagine … --template &lt;id&gt;</c>), listed by /models and
/// found with /templates. The provider may cache the list; failures are thrown as <see cref="ProviderException"/>.
/// </summary>
public interface IProviderTemplates
{
    Task<IReadOnlyList<ProviderTemplate>> GetTemplatesAsync(CancellationToken cancellationToken);

    /// <summary>The templates a query finds (a platform or category filter, a search, a recommendation).</summary>
    Task<IReadOnlyList<ProviderTemplate>> FindTemplatesAsync(TemplateQuery query, CancellationToken cancellationToken);

    /// <summary>A social platform's formats and file rules; null when the provider does not know the platform.</summary>
    Task<PlatformFormats?> GetPlatformFormatsAsync(string platform, CancellationToken cancellationToken);
}
