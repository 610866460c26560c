namespace ChatBot.Core.Providers;

/// <summary>
/// Optional: a provider that offers named templates (<c>/imagine … --template &lt;id&gt;</c>), listed by /models.
/// The provider may cache the list; failures are thrown as <see cref="ProviderException"/>.
/// </summary>
public interface IProviderTemplates
{
    Task<IReadOnlyList<ProviderTemplate>> GetTemplatesAsync(CancellationToken cancellationToken);
}
