using ChatBot.Core.Providers;
using ChatBot.Providers.Local;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatBot.Providers;

public static class ProvidersServiceCollectionExtensions
{
    /// <summary>
    /// Registers every media provider as an <see cref="IMediaProvider"/>, with its options
    /// (the offline "local" provider reads section <c>Providers:Local</c>).
    /// </summary>
    public static IServiceCollection AddMediaProviders(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<LocalProviderOptions>()
            .BindConfiguration(LocalProviderOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMediaProvider, LocalProvider>());

        return services;
    }
}
