using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Providers;

public static class ProvidersServiceCollectionExtensions
{
    /// <summary>Registers every media provider (<see cref="Core.Providers.IMediaProvider"/>) and its plumbing.</summary>
    public static IServiceCollection AddMediaProviders(this IServiceCollection services)
    {
        services.AddRemoteProviders();
        return services;
    }
}
